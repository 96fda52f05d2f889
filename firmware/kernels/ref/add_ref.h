/*
 * The reference ADD, in a header so that the one definition serves both the portable kernel (add.c here, a thin
 * wrapper) and the Cortex-M kernel (kernels/cortex_m/add.c) for what it does not vectorize (broadcasts, float32),
 * which is linked instead of this folder's .c and so cannot call the portable kernel by its public name.
 */
#ifndef TINYML_KERNELS_REF_ADD_REF_H
#define TINYML_KERNELS_REF_ADD_REF_H

#include "tinyml/kernels/add.h"
#include "tinyml/quant.h"

static inline int32_t tinyml_add_one_s8(const void *params, int32_t x1, int32_t x2) {
    const tinyml_add_s8_params *p = params;
    const int32_t shifted1 = (x1 + p->input1_offset) * (1 << p->left_shift);
    const int32_t shifted2 = (x2 + p->input2_offset) * (1 << p->left_shift);
    const int32_t scaled1 = tinyml_multiply_by_quantized_multiplier_double_rounding(shifted1, p->input1_multiplier, p->input1_shift);
    const int32_t scaled2 = tinyml_multiply_by_quantized_multiplier_double_rounding(shifted2, p->input2_multiplier, p->input2_shift);
    const int32_t sum = scaled1 + scaled2;
    return tinyml_multiply_by_quantized_multiplier_double_rounding(sum, p->output_multiplier, p->output_shift) + p->output_offset;
}

static inline float tinyml_add_one_f32(float x1, float x2) {
    return x1 + x2;
}

static inline __attribute__((always_inline)) void tinyml_add_s8_ref(const tinyml_add_s8_params *p, const int8_t *input1,
                                                                    const int8_t *input2, int8_t *output) {
    tinyml_broadcast_s8_apply(&p->shape, input1, input2, output, tinyml_add_one_s8, p, p->activation_min, p->activation_max);
}

static inline __attribute__((always_inline)) void tinyml_add_f32_ref(const tinyml_add_f32_params *p, const float *input1,
                                                                     const float *input2, float *output) {
    tinyml_broadcast_f32_apply(&p->shape, input1, input2, output, tinyml_add_one_f32, p->activation_min, p->activation_max);
}

#endif
