/* Portable reference MUL (int8 and float32, broadcasting). */
#include "tinyml/kernels/mul.h"
#include "tinyml/quant.h"

static int32_t mul_one(const void *params, int32_t x1, int32_t x2) {
    const tinyml_mul_s8_params *p = params;
    const int32_t product = (x1 + p->input1_offset) * (x2 + p->input2_offset);
    return p->output_offset
            + tinyml_multiply_by_quantized_multiplier_double_rounding(product, p->output_multiplier, p->output_shift);
}

void tinyml_mul_s8(const tinyml_mul_s8_params *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
    tinyml_broadcast_s8_apply(&p->shape, input1, input2, output, mul_one, p, p->activation_min, p->activation_max);
}

static float mul_f32(float x1, float x2) {
    return x1 * x2;
}

void tinyml_mul_f32(const tinyml_mul_f32_params *p, const float *input1, const float *input2, float *output) {
    tinyml_broadcast_f32_apply(&p->shape, input1, input2, output, mul_f32, p->activation_min, p->activation_max);
}
