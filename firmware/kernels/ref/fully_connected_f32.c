/* Portable FULLY_CONNECTED for float32 (no target-specific variant: boards link this one too). */
#include "tinyml/kernels/fully_connected.h"
#include "tinyml/activation_f32.h"

void tinyml_fully_connected_f32(const tinyml_fc_f32_params *p, const float *input, const float *weights,
                                const float *bias, float *output) {
    for (int32_t b = 0; b < p->batches; b++) {
        const float *row_in = input + b * p->input_depth;
        for (int32_t o = 0; o < p->output_depth; o++) {
            const float *row_w = weights + o * p->input_depth;
            float acc = 0.0f;
            for (int32_t i = 0; i < p->input_depth; i++) {
                acc += row_in[i] * row_w[i];
            }
            if (bias) {
                acc += bias[o];
            }
            output[b * p->output_depth + o] = tinyml_clamp_f32(acc, p->activation_min, p->activation_max);
        }
    }
}
