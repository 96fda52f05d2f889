/* Portable FULLY_CONNECTED of the 16x8 scheme, the only one on every target (see tinyml/kernels/fully_connected.h). */
#include "tinyml/kernels/fully_connected.h"
#include "tinyml/quant_s16.h"

void tinyml_fully_connected_s16(const tinyml_fc_s8_params *params, const int16_t *input, const int8_t *weights,
                                const int64_t *bias, int16_t *output) {
    const int32_t depth = params->input_depth;
    for (int32_t b = 0; b < params->batches; b++) {
        const int16_t *row_in = input + b * depth;
        for (int32_t o = 0; o < params->output_depth; o++) {
            const int8_t *row_w = weights + o * depth;
            int64_t acc = 0;
            for (int32_t i = 0; i < depth; i++) {
                acc += (int32_t)row_in[i] * row_w[i];
            }
            if (bias) {
                acc += bias[o];
            }
            const int32_t scaled = tinyml_multiply_by_quantized_multiplier_s64(acc, params->output_multiplier,
                                                                               params->output_shift);
            output[b * params->output_depth + o] =
                tinyml_clamp_s16(scaled + params->output_offset, params->activation_min, params->activation_max);
        }
    }
}
