/*
 * QUANTIZE and DEQUANTIZE, as TF Lite 2.6 computes them:
 *
 * - tinyml_requantize_s8 (QUANTIZE int8 -> int8): output = clamp(output_zero_point + rescale(input - input_zero_point))
 *   with the multiplier input_scale/output_scale and gemmlowp's double rounding;
 * - tinyml_quantize_f32_s8 (QUANTIZE float32 -> int8): output = clamp(round(input / scale) + zero_point), the division
 *   in DOUBLE precision (the interpreter's QuantizationParams hold a double scale), round half away from zero. A float
 *   division differs: it rounds quotients just below x.5 up to the tie (found by QuantizeOperatorTest);
 * - tinyml_dequantize_s8_f32 (DEQUANTIZE int8 -> float32): output = (float)(scale · (input - zero_point)); the
 *   product of a float and a 9-bit integer is exact in double, so one float multiplication gives the same bits.
 *
 * Float tensors live in the byte arena; the kernels move their bytes through a union (never a float lvalue on the
 * arena), so no alignment or aliasing assumption is made about it.
 */
#ifndef TINYML_KERNELS_QUANTIZE_H
#define TINYML_KERNELS_QUANTIZE_H

#include <stdint.h>

typedef struct {
    int32_t size;
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t output_multiplier; /* Q31 */
    int32_t output_shift;      /* positive = left */
} tinyml_requantize_s8_params;

typedef struct {
    int32_t size;
    double scale;       /* of the int8 output (exactly its float scale) */
    int32_t zero_point; /* of the int8 output */
} tinyml_quantize_f32_s8_params;

typedef struct {
    int32_t size;
    float scale;        /* of the int8 input */
    int32_t zero_point; /* of the int8 input */
} tinyml_dequantize_s8_f32_params;

void tinyml_requantize_s8(const tinyml_requantize_s8_params *params, const int8_t *input, int8_t *output);

/* input: size floats in native byte order. */
void tinyml_quantize_f32_s8(const tinyml_quantize_f32_s8_params *params, const void *input, int8_t *output);

/* output: size floats in native byte order. */
void tinyml_dequantize_s8_f32(const tinyml_dequantize_s8_f32_params *params, const int8_t *input, void *output);

/*
 * To and from int16 (the 16x8 scheme's interfaces), with the same parameters and arithmetic as their int8 counterparts:
 * QUANTIZE int16 -> int8 and int16 -> int16 requantize with double rounding, float32 -> int16 divides in double and
 * rounds half away from zero, DEQUANTIZE int16 -> float32 is one float multiplication. Results clamp to the output type.
 */
void tinyml_requantize_s16_s8(const tinyml_requantize_s8_params *params, const int16_t *input, int8_t *output);

void tinyml_requantize_s16(const tinyml_requantize_s8_params *params, const int16_t *input, int16_t *output);

void tinyml_quantize_f32_s16(const tinyml_quantize_f32_s8_params *params, const void *input, int16_t *output);

void tinyml_dequantize_s16_f32(const tinyml_dequantize_s8_f32_params *params, const int16_t *input, void *output);

#endif
