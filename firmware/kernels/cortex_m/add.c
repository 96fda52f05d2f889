/*
 * ADD for Cortex-M: the same results as kernels/ref/add.c, bit for bit. On Helium (M55), two operands of the
 * output's shape (ResNet's shortcuts) go four elements per vector of int32 lanes through the reference's three
 * double roundings (cm_simd.h's cm_requant_double_x4); broadcasts, float32 and the other cores take the reference
 * (../ref/add_ref.h, compiled in here since only one source per operator is linked).
 */
#include "../ref/add_ref.h"
#include "cm_simd.h"

#if CM_MVE
/* Neither operand is broadcast: both are laid out as the output (a dimension of 1 may carry any stride). */
static int add_same_shape(const tinyml_broadcast_s8 *shape, int32_t *count)
{
    int32_t stride = 1;
    for (int32_t d = 3; d >= 0; d--) {
        if (shape->dims[d] > 1 && (shape->strides1[d] != stride || shape->strides2[d] != stride)) {
            return 0;
        }
        stride *= shape->dims[d];
    }
    *count = stride;
    return 1;
}

static void __attribute__((noinline)) add_lanes(const tinyml_add_s8_params *params, const int8_t *input1,
                                                const int8_t *input2, int8_t *output, int32_t n)
{
    const tinyml_add_s8_params p = *params;
    const int32x4_t low = vdupq_n_s32(p.activation_min);
    const int32x4_t high = vdupq_n_s32(p.activation_max);
    for (; n > 0; n -= 4, input1 += 4, input2 += 4, output += 4) {
        const mve_pred16_t lanes = vctp32q((uint32_t)n);
        const int32x4_t x1 = vshlq_r_s32(vaddq_n_s32(vldrbq_z_s32(input1, lanes), p.input1_offset), p.left_shift);
        const int32x4_t x2 = vshlq_r_s32(vaddq_n_s32(vldrbq_z_s32(input2, lanes), p.input2_offset), p.left_shift);
        const int32x4_t sum = vaddq_s32(cm_requant_double_x4(x1, p.input1_multiplier, p.input1_shift),
                                        cm_requant_double_x4(x2, p.input2_multiplier, p.input2_shift));
        int32x4_t v = vaddq_n_s32(cm_requant_double_x4(sum, p.output_multiplier, p.output_shift), p.output_offset);
        v = vminq_s32(vmaxq_s32(v, low), high);
        vstrbq_p_s32(output, v, lanes);
    }
}
#endif

void tinyml_add_s8(const tinyml_add_s8_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
#if CM_MVE
    int32_t n;
    if (add_same_shape(&p->shape, &n)) {
        add_lanes(p, input1, input2, output, n);
        return;
    }
#endif
    tinyml_add_s8_ref(p, input1, input2, output);
}

void tinyml_add_f32(const tinyml_add_f32_params *p, const float *input1, const float *input2, float *output)
{
    tinyml_add_f32_ref(p, input1, input2, output);
}
