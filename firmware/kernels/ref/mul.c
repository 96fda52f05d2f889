/* Portable reference MUL (int8, broadcasting). */
#include "tinyml/kernels/mul.h"
#include "tinyml/quant.h"

void tinyml_mul_s8(const tinyml_mul_s8_params *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
    const tinyml_broadcast_s8 *s = &p->shape;
    int32_t o = 0;
    for (int32_t i0 = 0; i0 < s->dims[0]; i0++) {
        for (int32_t i1 = 0; i1 < s->dims[1]; i1++) {
            for (int32_t i2 = 0; i2 < s->dims[2]; i2++) {
                const int32_t base1 = i0 * s->strides1[0] + i1 * s->strides1[1] + i2 * s->strides1[2];
                const int32_t base2 = i0 * s->strides2[0] + i1 * s->strides2[1] + i2 * s->strides2[2];
                for (int32_t i3 = 0; i3 < s->dims[3]; i3++) {
                    const int32_t x1 = input1[base1 + i3 * s->strides1[3]] + p->input1_offset;
                    const int32_t x2 = input2[base2 + i3 * s->strides2[3]] + p->input2_offset;
                    const int32_t value = p->output_offset
                            + tinyml_multiply_by_quantized_multiplier_double_rounding(x1 * x2, p->output_multiplier, p->output_shift);
                    output[o++] = tinyml_clamp_s8(value, p->activation_min, p->activation_max);
                }
            }
        }
    }
}
