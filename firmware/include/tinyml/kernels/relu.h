/*
 * RELU and RELU6 as standalone operators, int8, any shape. The interpreter requantizes every value from the input
 * to the output quantization and clamps to the activation's range (prepared by the compiler):
 *
 *   output = clamp(output_zero_point + rescale(input - input_zero_point), activation_min, activation_max)
 *
 * where rescale multiplies by input_scale / output_scale with TF Lite 2.6's double rounding
 * (tinyml_multiply_by_quantized_multiplier_double_rounding, found by the differential test ReluOperatorTest).
 */
#ifndef TINYML_KERNELS_RELU_H
#define TINYML_KERNELS_RELU_H

#include <stdint.h>

typedef struct {
    int32_t size;              /* number of values */
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t output_multiplier; /* Q31 */
    int32_t output_shift;      /* positive = left */
    int32_t activation_min;    /* max(-128, quantized 0) */
    int32_t activation_max;    /* 127 for RELU, min(127, quantized 6) for RELU6 */
} tinyml_relu_s8_params;

/* float32 RELU / RELU6: output = clamp(input, activation_min, activation_max) with [0, FLT_MAX] or [0, 6]. */
typedef struct {
    int32_t size;
    float activation_min;
    float activation_max;
} tinyml_relu_f32_params;

void tinyml_relu_f32(const tinyml_relu_f32_params *params, const float *input, float *output);

void tinyml_relu_s8(const tinyml_relu_s8_params *params, const int8_t *input, int8_t *output);

#endif
