/*
 * MEAN over any set of axes of a tensor of up to four dimensions, int8 and float32, as TF Lite 2.6 computes it on
 * x86 (its builtin MEAN is the reference kernel there: Register_MEAN picks the optimized one only where NEON, or
 * SSE4.1 through NEON_2_SSE, is compiled in, which the reference library is not).
 *
 * The compiler splits the input's dimensions into kept and reduced ones: output element o sums the input elements
 * whose kept coordinates are those of o, visiting the reduced coordinates in row-major order (the order of the
 * interpreter's sum over the input). int8 takes one of the interpreter's three paths, chosen by the compiler:
 *
 * - TINYML_MEAN_S8_SPATIAL (keep_dims, a 4-D input, the axis tensor exactly {1, 2} or {2, 1}):
 *   reference_integer_ops::Mean: acc = Σ (q − input_zero_point), acc = rescale(acc) with input_scale/output_scale
 *   and gemmlowp's double rounding, acc = acc / count rounded half away from zero (integer), + output_zero_point,
 *   clamped;
 * - TINYML_MEAN_S8_SAME_QUANTIZATION (otherwise, when input and output share scale and zero point): the generic
 *   reference_ops::Mean on the raw values: Σ q / count in C integer division (truncating toward zero; the zero
 *   point is not subtracted first);
 * - TINYML_MEAN_S8_FLOAT (otherwise): reference_ops::QuantizedMeanOrSum: mean = (float)Σ q / (float)count,
 *   result = roundf(mean · scale + bias) + output_zero_point in float with scale = input_scale / output_scale and
 *   bias = −input_zero_point · scale (both prepared in float by the compiler), clamped to [−128, 127] in float.
 *
 * - TINYML_MEAN_S8_FOLDED (TFLM's one path, every axis set): Σ (q − input_zero_point) rescaled with gemmlowp's double
 *   rounding by input_scale / output_scale / count, the compiler having folded 1/count into the multiplier as TFLM
 *   does, + output_zero_point, clamped.
 *
 * float32: the sum in that order in float, divided once by (float)count. (The interpreter's Eigen path for a
 * reduction over the last axis alone sums in another order; see MeanLowering.)
 */
#ifndef TINYML_KERNELS_MEAN_H
#define TINYML_KERNELS_MEAN_H

#include <stdint.h>

typedef struct {
    int32_t kept_dims[4];       /* sizes of the kept dimensions (1 for unused), outermost first */
    int32_t kept_strides[4];    /* input element stride of each */
    int32_t reduced_dims[4];    /* sizes of the reduced dimensions (1 for unused), outermost first */
    int32_t reduced_strides[4];
    int32_t count;              /* elements summed per output: product of reduced_dims */
} tinyml_mean_shape;

enum { TINYML_MEAN_S8_SPATIAL = 0, TINYML_MEAN_S8_SAME_QUANTIZATION = 1, TINYML_MEAN_S8_FLOAT = 2, TINYML_MEAN_S8_FOLDED = 3 };

typedef struct {
    tinyml_mean_shape shape;
    int32_t path;               /* TINYML_MEAN_S8_* */
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t output_multiplier;  /* SPATIAL: Q31 of input_scale / output_scale; FOLDED: of that over count */
    int32_t output_shift;       /* SPATIAL: positive = left */
    float scale;                /* FLOAT: input_scale / output_scale */
    float bias;                 /* FLOAT: -input_zero_point * scale */
} tinyml_mean_s8_params;

void tinyml_mean_s8(const tinyml_mean_s8_params *params, const int8_t *input, int8_t *output);

void tinyml_mean_f32(const tinyml_mean_shape *shape, const float *input, float *output);

#endif
