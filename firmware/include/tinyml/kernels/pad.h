/*
 * PAD, int8, up to four dimensions (right-aligned to 4-D by the compiler). Input and output share their quantization
 * (the compiler checks), so values are copied unchanged; the padding is filled with the output zero point, the
 * quantized 0.0, as TF Lite 2.6 does when no constant value is given.
 */
#ifndef TINYML_KERNELS_PAD_H
#define TINYML_KERNELS_PAD_H

#include <stdint.h>

typedef struct {
    int32_t input_dims[4];
    int32_t output_dims[4];
    int32_t before[4];  /* padding before each dimension; the rest of output_dims - input_dims comes after */
    int32_t pad_value;  /* the output zero point */
} tinyml_pad_s8_params;

/* float32: the same walk over 4-byte elements; the padding is 0.0f (TF Lite 2.6's PAD without constant_values). */
void tinyml_pad_f32(const tinyml_pad_s8_params *params, const float *input, float *output);

void tinyml_pad_s8(const tinyml_pad_s8_params *params, const int8_t *input, int8_t *output);

#endif
