/* Portable reference RELU / RELU6 (int8, with requantization). */
#include "tinyml/kernels/relu.h"
#include "tinyml/quant.h"

void tinyml_relu_s8(const tinyml_relu_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        const int32_t scaled = tinyml_multiply_by_quantized_multiplier_double_rounding(
                input[i] - p->input_zero_point, p->output_multiplier, p->output_shift);
        output[i] = tinyml_clamp_s8(p->output_zero_point + scaled, p->activation_min, p->activation_max);
    }
}
