/* Portable reference DEPTHWISE_CONV_2D (int8 with per-channel weights, and float32). */
#include "tinyml/kernels/depthwise_conv.h"
#include "tinyml/activation_f32.h"
#include "tinyml/quant.h"
#include "tinyml/window.h"

void tinyml_depthwise_conv_s8(const tinyml_depthwise_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                              const int32_t *bias, int8_t *output) {
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            for (int32_t x = 0; x < p->output_width; x++) {
                const tinyml_window w = TINYML_WINDOW_OF(p, y, x);
                int8_t *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    const int32_t ic = oc / p->depth_multiplier;
                    int32_t acc = 0;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++) {
                        const int32_t iy = w.y0 + fy;
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++) {
                            const int32_t ix = w.x0 + fx;
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
            for (int32_t x = 0; x < p->output_width; x++) {
                const tinyml_window w = TINYML_WINDOW_OF(p, y, x);
                float *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    const int32_t ic = oc / p->depth_multiplier;
                    float acc = bias ? bias[oc] : 0.0f;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++) {
                        const int32_t iy = w.y0 + fy;
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++) {
                            const int32_t ix = w.x0 + fx;
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
