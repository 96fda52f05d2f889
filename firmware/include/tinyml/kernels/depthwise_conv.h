/*
 * DEPTHWISE_CONV_2D, int8 activations, int8 symmetric weights with one scale per output channel, int32 bias. NHWC
 * layout, dilation 1. Output channel oc = ic · depth_multiplier + m reads input channel ic only:
 *
 *   output[b][y][x][oc] = clamp(output_offset + requantize_oc(bias[oc]
 *                             + Σ_{fy,fx inside the image} (input[b][iy][ix][ic] + input_offset) · filter[0][fy][fx][oc]))
 *
 * with requantize_oc = tinyml_multiply_by_quantized_multiplier_double_rounding (quant.h): TF Lite 2.6's
 * depthwise kernels rescale with gemmlowp's double rounding, unlike its GEMM-based CONV_2D.
 */
#ifndef TINYML_KERNELS_DEPTHWISE_CONV_H
#define TINYML_KERNELS_DEPTHWISE_CONV_H

#include <stdint.h>

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t input_depth;
    int32_t output_height;
    int32_t output_width;
    int32_t output_depth;      /* input_depth · depth_multiplier */
    int32_t filter_height;
    int32_t filter_width;
    int32_t stride_height;
    int32_t stride_width;
    int32_t pad_height;
    int32_t pad_width;
    int32_t depth_multiplier;
    int32_t input_offset;
    int32_t output_offset;
    int32_t activation_min;
    int32_t activation_max;
    const int32_t *output_multiplier; /* [output_depth], Q31 */
    const int32_t *output_shift;      /* [output_depth], positive: left */
} tinyml_depthwise_conv_s8_params;

/*
 * float32: output = clamp(bias[oc] + Σ_{fy,fx inside the image} input · filter, activation_min, activation_max), the
 * bias first (the interpreter initializes its accumulators with it) and the taps in row-major order, in float.
 */
typedef struct {
    tinyml_depthwise_conv_s8_params geometry;
    float activation_min;
    float activation_max;
} tinyml_depthwise_conv_f32_params;

void tinyml_depthwise_conv_f32(const tinyml_depthwise_conv_f32_params *params, const float *input, const float *filter,
                               const float *bias, float *output);

/* filter is [1][filter_height][filter_width][output_depth]; bias may be 0 (no bias). */
void tinyml_depthwise_conv_s8(const tinyml_depthwise_conv_s8_params *params, const int8_t *input, const int8_t *filter,
                              const int32_t *bias, int8_t *output);

/*
 * The 16x8 scheme (kernels/ref/depthwise_conv_s16.c on every target): int16 input and output with zero point 0, the
 * int8 filter as above, an int64 bias; the sum in int64, rescaled with tinyml_multiply_by_quantized_multiplier_s64
 * (quant_s16.h), as TF Lite 2.6's reference kernel does.
 */
void tinyml_depthwise_conv_s16(const tinyml_depthwise_conv_s8_params *params, const int16_t *input, const int8_t *filter,
                               const int64_t *bias, int16_t *output);

#endif
