/* Portable reference RELU / RELU6 (int8 with requantization, and float32). */
#include "tinyml/kernels/relu.h"
#include "tinyml/activation_f32.h"
#include "tinyml/quant.h"

void tinyml_relu_s8(const tinyml_relu_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        const int32_t scaled = tinyml_multiply_by_quantized_multiplier_double_rounding(
                input[i] - p->input_zero_point, p->output_multiplier, p->output_shift);
        output[i] = tinyml_clamp_s8(p->output_zero_point + scaled, p->activation_min, p->activation_max);
    }
}

void tinyml_relu_f32(const tinyml_relu_f32_params *p, const float *input, float *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = tinyml_clamp_f32(input[i], p->activation_min, p->activation_max);
    }
}
