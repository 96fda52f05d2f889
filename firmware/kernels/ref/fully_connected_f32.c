/* Portable FULLY_CONNECTED for float32 (no target-specific variant: boards link this one too), summing in the order of
 * the interpreter's GEMM (tinyml/gemm_order_f32.h): row = output, column = batch. */
#include "tinyml/kernels/fully_connected.h"
#include "tinyml/activation_f32.h"
#include "tinyml/gemm_order_f32.h"

void tinyml_fully_connected_f32(const tinyml_fc_f32_params *p, const float *input, const float *weights,
                                const float *bias, float *output) {
    for (int32_t b = 0; b < p->batches; b++) {
        const float *row_in = input + b * p->input_depth;
        for (int32_t o = 0; o < p->output_depth; o++) {
            const float *row_w = weights + o * p->input_depth;
            const tinyml_gemm_order order = tinyml_gemm_order_of(o, p->output_depth, b, p->batches, p->input_depth);
            float sums[4] = {0.0f, 0.0f, 0.0f, 0.0f};
            for (int32_t i = 0; i < p->input_depth; i++) {
                tinyml_gemm_add(&order, sums, i, row_in[i] * row_w[i]);
            }
            float acc = tinyml_gemm_result(&order, sums, p->input_depth);
            if (bias) {
                acc += bias[o];
            }
            output[b * p->output_depth + o] = tinyml_clamp_f32(acc, p->activation_min, p->activation_max);
        }
    }
}
