/*
 * CONV_2D, int8 activations, int8 symmetric weights with one scale per output channel, int32 bias. NHWC layout,
 * dilation 1. Parameters (output size, padding, per-channel multipliers) are prepared by the compiler.
 *
 *   output[b][y][x][oc] = clamp(output_offset + requantize_oc(bias[oc]
 *                             + Σ_{fy,fx,ic inside the image} (input[b][iy][ix][ic] + input_offset) · filter[oc][fy][fx][ic]))
 *
 * with iy = y·stride_height − pad_height + fy (likewise ix), requantize_oc = tinyml_multiply_by_quantized_multiplier
 * (quant.h) with output_multiplier[oc], output_shift[oc], and clamp to [activation_min, activation_max].
 */
#ifndef TINYML_KERNELS_CONV_H
#define TINYML_KERNELS_CONV_H

#include <stdint.h>

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t input_depth;
    int32_t output_height;
    int32_t output_width;
    int32_t output_depth;
    int32_t filter_height;
    int32_t filter_width;
    int32_t stride_height;
    int32_t stride_width;
    int32_t pad_height;        /* rows of padding above the input */
    int32_t pad_width;         /* columns of padding left of the input */
    int32_t input_offset;      /* minus the input zero point */
    int32_t output_offset;     /* the output zero point */
    int32_t activation_min;
    int32_t activation_max;
    const int32_t *output_multiplier; /* [output_depth], Q31 */
    const int32_t *output_shift;      /* [output_depth], positive: left */
} tinyml_conv_s8_params;

/*
 * float32: output = clamp(Σ_{fy,fx,ic inside the image} input · filter + bias[oc], activation_min, activation_max), the
 * products summed in the order of the interpreter's im2col GEMM (tinyml/gemm_order_f32.h), the bias added last (as
 * the interpreter adds it after its GEMM). The geometry is that of the int8 parameters; their quantization fields are
 * not used.
 */
typedef struct {
    tinyml_conv_s8_params geometry;
    float activation_min;
    float activation_max;
} tinyml_conv_f32_params;

void tinyml_conv_f32(const tinyml_conv_f32_params *params, const float *input, const float *filter, const float *bias,
                     float *output);

/* filter is [output_depth][filter_height][filter_width][input_depth]; bias may be 0 (no bias). */
void tinyml_conv_s8(const tinyml_conv_s8_params *params, const int8_t *input, const int8_t *filter, const int32_t *bias,
                    int8_t *output);

/*
 * The 16x8 scheme (kernels/ref/conv_s16.c on every target): int16 input and output with zero point 0 (input_offset and
 * output_offset 0, the activation range within int16), the int8 filter as above, an int64 bias; the sum in int64,
 * rescaled with tinyml_multiply_by_quantized_multiplier_s64 (quant_s16.h), as TF Lite 2.6's reference kernel does.
 */
void tinyml_conv_s16(const tinyml_conv_s8_params *params, const int16_t *input, const int8_t *filter, const int64_t *bias,
                     int16_t *output);

#endif
