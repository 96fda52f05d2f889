/* Portable reference DEPTHWISE_CONV_2D (int8 with per-channel weights, and float32). */
#include "tinyml/kernels/depthwise_conv.h"
#include "tinyml/activation_f32.h"
#include "tinyml/quant.h"

void tinyml_depthwise_conv_s8(const tinyml_depthwise_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                              const int32_t *bias, int8_t *output) {
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            for (int32_t x = 0; x < p->output_width; x++) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                int8_t *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    const int32_t ic = oc / p->depth_multiplier;
                    int32_t acc = 0;
                    for (int32_t fy = 0; fy < p->filter_height; fy++) {
                        const int32_t iy = y0 + fy;
                        if (iy < 0 || iy >= p->input_height) {
                            continue;
                        }
                        for (int32_t fx = 0; fx < p->filter_width; fx++) {
                            const int32_t ix = x0 + fx;
                            if (ix < 0 || ix >= p->input_width) {
                                continue;
                            }
                            const int32_t in = input[((b * p->input_height + iy) * p->input_width + ix) * p->input_depth + ic];
                            acc += (in + p->input_offset) * filter[(fy * p->filter_width + fx) * p->output_depth + oc];
                        }
                    }
                    if (bias) {
                        acc += bias[oc];
                    }
                    acc = tinyml_multiply_by_quantized_multiplier_double_rounding(acc, p->output_multiplier[oc],
                                                                                  p->output_shift[oc]);
                    out[oc] = tinyml_clamp_s8(acc + p->output_offset, p->activation_min, p->activation_max);
                }
            }
        }
    }
}

void tinyml_depthwise_conv_f32(const tinyml_depthwise_conv_f32_params *params, const float *input, const float *filter,
                               const float *bias, float *output) {
    const tinyml_depthwise_conv_s8_params *p = &params->geometry;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            for (int32_t x = 0; x < p->output_width; x++) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                float *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    const int32_t ic = oc / p->depth_multiplier;
                    float acc = bias ? bias[oc] : 0.0f;
                    for (int32_t fy = 0; fy < p->filter_height; fy++) {
                        const int32_t iy = y0 + fy;
                        if (iy < 0 || iy >= p->input_height) {
                            continue;
                        }
                        for (int32_t fx = 0; fx < p->filter_width; fx++) {
                            const int32_t ix = x0 + fx;
                            if (ix < 0 || ix >= p->input_width) {
                                continue;
                            }
                            const float in = input[((b * p->input_height + iy) * p->input_width + ix) * p->input_depth + ic];
                            acc += in * filter[(fy * p->filter_width + fx) * p->output_depth + oc];
                        }
                    }
                    out[oc] = tinyml_clamp_f32(acc, params->activation_min, params->activation_max);
                }
            }
        }
    }
}
