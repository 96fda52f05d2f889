/*
 * ADD, int8, with broadcasting (see broadcast.h). TF Lite 2.6's scheme: both operands are offset by their zero
 * points, shifted left by 20 bits and scaled to a common scale 2·max(scale1, scale2) by multipliers below one; the
 * sum is scaled to the output; all three rescalings use gemmlowp's double rounding
 * (tinyml_multiply_by_quantized_multiplier_double_rounding with shift ≤ 0):
 *
 *   a = rescale1((x1 + input1_offset) << 20),  b = rescale2((x2 + input2_offset) << 20)
 *   out = clamp(rescale_out(a + b) + output_offset, activation_min, activation_max)
 */
#ifndef TINYML_KERNELS_ADD_H
#define TINYML_KERNELS_ADD_H

#include <stdint.h>

#include "tinyml/kernels/broadcast.h"

typedef struct {
    tinyml_broadcast_s8 shape;
    int32_t left_shift; /* 20 */
    int32_t input1_offset; /* -zero point */
    int32_t input1_multiplier;
    int32_t input1_shift; /* <= 0 */
    int32_t input2_offset;
    int32_t input2_multiplier;
    int32_t input2_shift;
    int32_t output_offset; /* +zero point */
    int32_t output_multiplier;
    int32_t output_shift;
    int32_t activation_min;
    int32_t activation_max;
} tinyml_add_s8_params;

/* float32: out = clamp(x1 + x2, activation_min, activation_max), one float addition as in the interpreter. */
typedef struct {
    tinyml_broadcast_s8 shape;
    float activation_min;
    float activation_max;
} tinyml_add_f32_params;

void tinyml_add_f32(const tinyml_add_f32_params *params, const float *input1, const float *input2, float *output);

void tinyml_add_s8(const tinyml_add_s8_params *params, const int8_t *input1, const int8_t *input2, int8_t *output);

/*
 * The 16x8 scheme (kernels/ref/add_s16.c on every target), int16 with zero points 0, in TF Lite 2.6's two ways:
 * - tinyml_add_s16: the general scales, the int8 formula above with left_shift 15, any broadcast;
 * - tinyml_add_s16_pot (the interpreter's choice when the options' pot_scale_int16 is set and every scale is a power of
 *   two): the operand whose scale is below the output's is divided by 2^shift, rounding half away from zero, the other
 *   taken as it is, and the two added saturating to int16, then clamped; equal shapes only.
 */
void tinyml_add_s16(const tinyml_add_s8_params *params, const int16_t *input1, const int16_t *input2, int16_t *output);

typedef struct {
    int32_t size;
    int32_t input1_shift; /* <= 0, at most one of the two nonzero */
    int32_t input2_shift;
    int32_t activation_min;
    int32_t activation_max;
} tinyml_add_s16_pot_params;

void tinyml_add_s16_pot(const tinyml_add_s16_pot_params *params, const int16_t *input1, const int16_t *input2,
                        int16_t *output);

#endif
