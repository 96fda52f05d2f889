/*
 * SOFTMAX, int8 in, int8 out with the spec's output scale 1/256 and zero point -128, along the last dimension.
 * Computed as TF Lite 2.6's optimized kernel does on x86, in single-precision floats from a table the compiler
 * prepares: table[255 - d] = expf(-input_scale · beta · d) for d = 0..255. For each row, with max its largest
 * input and e_j = table[255 - max + input_j]:
 *
 *   inv = 1 / ((Σ_j e_j, summed in order) · output_scale)
 *   output_j = clamp(round_half_away(e_j · inv) + output_zero_point, -128, 127)
 *
 * Every float operation is done in the same order as the interpreter, so the outputs are bit-identical (the
 * compiler and the kernel must not use -ffast-math or FMA contraction here).
 */
#ifndef TINYML_KERNELS_SOFTMAX_H
#define TINYML_KERNELS_SOFTMAX_H

#include <stdint.h>

typedef struct {
    int32_t rows;              /* product of all but the last dimension */
    int32_t depth;             /* the last dimension */
    float output_scale;        /* 1/256 */
    int32_t output_zero_point; /* -128 */
    const float *table;        /* [256] */
} tinyml_softmax_s8_params;

/*
 * float32, as TF Lite 2.6's optimized float kernel: per row e_j = expf((x_j − max) · beta), inverse = 1 / Σ e_j,
 * output_j = e_j · inverse. (The interpreter's exp is Eigen's vectorized one, within a few ulp of libm's expf.)
 */
typedef struct {
    int32_t rows;
    int32_t depth;
    float beta;
} tinyml_softmax_f32_params;

void tinyml_softmax_f32(const tinyml_softmax_f32_params *params, const float *input, float *output);

void tinyml_softmax_s8(const tinyml_softmax_s8_params *params, const int8_t *input, int8_t *output);

/*
 * The 16x8 scheme (kernels/ref/softmax_s16.c on every target), as TF Lite 2.6's reference kernel: int16 in with zero
 * point 0, int16 out with scale 2^-15 and zero point 0. Per row, e_j = exp_table[(x_j − max)·M rescaled so that
 * [-65535, 0] is [-10, 0], recentred] and 1/Σe_j from reciprocal_table, both interpolated 513-entry Q0.15 tables the
 * compiler fills as the interpreter's Prepare does; output_j = e_j · (1/Σe_j), rounded, clamped to [0, 32767].
 */
typedef struct {
    int32_t rows;
    int32_t depth;
    int32_t input_multiplier; /* Q31, for input_scale · beta / (10 / 65535) */
    int32_t input_shift;      /* positive: left */
    const int16_t *exp_table;        /* [513]: exp over [-10, 0] */
    const int16_t *reciprocal_table; /* [513]: 1 / (1 + x) over [0, 1] */
} tinyml_softmax_s16_params;

void tinyml_softmax_s16(const tinyml_softmax_s16_params *params, const int16_t *input, int16_t *output);

/*
 * int8 SOFTMAX as TFLM computes it (reference_ops::Softmax, gemmlowp fixed point), for the TFLM profile. The compiler
 * prepares exp_table[255 + d] = exp of the input difference d = input − max (d in [−255, 0]) in Q0.31, TFLM's
 * exp_on_negative_values of d rescaled to Q5.26, 0 for differences TFLM leaves out. Per row:
 *
 *   sum = Σ_j RoundingDivideByPOT(e_j, 12)                    (Q12.19)
 *   r = 1 / (1 + x) by gemmlowp's Newton-Raphson, with sum = (1 + x)·2^b normalized by its leading zeros
 *   output_j = clamp(RoundingDivideByPOT(RoundingDoublingHighMul(r, e_j), b + 23) − 128, −128, 127)
 */
typedef struct {
    int32_t rows;
    int32_t depth;
    const int32_t *exp_table; /* [256] */
} tinyml_softmax_s8_tflm_params;

void tinyml_softmax_s8_tflm(const tinyml_softmax_s8_tflm_params *params, const int8_t *input, int8_t *output);

#endif
