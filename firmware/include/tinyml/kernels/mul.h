/*
 * MUL, int8, with broadcasting (see broadcast.h), as TF Lite 2.6 computes it:
 *
 *   out = clamp(output_offset + rescale((x1 + input1_offset) · (x2 + input2_offset)), activation_min, activation_max)
 *
 * where rescale multiplies by scale1·scale2/output_scale (computed in float, as the interpreter's prepare does)
 * with gemmlowp's double rounding (tinyml_multiply_by_quantized_multiplier_double_rounding).
 */
#ifndef TINYML_KERNELS_MUL_H
#define TINYML_KERNELS_MUL_H

#include <stdint.h>

#include "tinyml/kernels/broadcast.h"

typedef struct {
    tinyml_broadcast_s8 shape;
    int32_t input1_offset; /* -zero point */
    int32_t input2_offset;
    int32_t output_offset; /* +zero point */
    int32_t output_multiplier;
    int32_t output_shift;  /* positive = left */
    int32_t activation_min;
    int32_t activation_max;
} tinyml_mul_s8_params;

/* float32: out = clamp(x1 · x2, activation_min, activation_max), one float multiplication as in the interpreter. */
typedef struct {
    tinyml_broadcast_s8 shape;
    float activation_min;
    float activation_max;
} tinyml_mul_f32_params;

void tinyml_mul_f32(const tinyml_mul_f32_params *params, const float *input1, const float *input2, float *output);

void tinyml_mul_s8(const tinyml_mul_s8_params *params, const int8_t *input1, const int8_t *input2, int8_t *output);

#endif
