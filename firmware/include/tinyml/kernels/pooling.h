/*
 * AVERAGE_POOL_2D and MAX_POOL_2D, int8, NHWC. Input and output share scale and zero point (the compiler checks),
 * so no rescaling happens. Only window taps inside the image count: at the borders the average divides by the
 * number of taps that fall inside, rounding half away from zero, as TF Lite 2.6 does. The result is clamped to
 * [activation_min, activation_max] (the fused activation).
 */
#ifndef TINYML_KERNELS_POOLING_H
#define TINYML_KERNELS_POOLING_H

#include <stdint.h>

typedef struct {
    int32_t batches;
    int32_t input_height;
    int32_t input_width;
    int32_t depth;
    int32_t output_height;
    int32_t output_width;
    int32_t filter_height;
    int32_t filter_width;
    int32_t stride_height;
    int32_t stride_width;
    int32_t pad_height;
    int32_t pad_width;
    int32_t activation_min;
    int32_t activation_max;
} tinyml_pool_s8_params;

/*
 * float32: the same windows; the average is the float sum of the taps inside the input in window order divided by
 * their number (as the interpreter: sums in input order, then one division), the maximum starts from -FLT_MAX; the
 * result is clamped to [activation_min, activation_max].
 */
typedef struct {
    tinyml_pool_s8_params window; /* geometry; its integer activation range is not used */
    float activation_min;
    float activation_max;
} tinyml_pool_f32_params;

void tinyml_average_pool_f32(const tinyml_pool_f32_params *params, const float *input, float *output);

void tinyml_max_pool_f32(const tinyml_pool_f32_params *params, const float *input, float *output);

void tinyml_average_pool_s8(const tinyml_pool_s8_params *params, const int8_t *input, int8_t *output);

void tinyml_max_pool_s8(const tinyml_pool_s8_params *params, const int8_t *input, int8_t *output);

#endif
