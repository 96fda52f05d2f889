/* Portable reference FULLY_CONNECTED: the plain C every optimized variant is checked against. */
#include "tinyml/kernels/fully_connected.h"
#include "tinyml/quant.h"

void tinyml_fully_connected_s8(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output) {
    const int32_t depth = params->input_depth;
    for (int32_t b = 0; b < params->batches; b++) {
        const int8_t *row_in = input + b * depth;
        for (int32_t o = 0; o < params->output_depth; o++) {
            const int8_t *row_w = weights + o * depth;
            int32_t acc = bias ? bias[o] : 0;
            for (int32_t i = 0; i < depth; i++) {
                acc += (row_in[i] + params->input_offset) * row_w[i];
            }
            acc = tinyml_multiply_by_quantized_multiplier(acc, params->output_multiplier, params->output_shift);
            output[b * params->output_depth + o] =
                tinyml_clamp_s8(acc + params->output_offset, params->activation_min, params->activation_max);
        }
    }
}
