/* Portable reference CONV_2D (int8 with per-channel weights, and float32). */
#include "tinyml/kernels/conv.h"
#include "tinyml/activation_f32.h"
#include "tinyml/gemm_order_f32.h"
#include "tinyml/quant.h"
#include "tinyml/window.h"

void tinyml_conv_s8(const tinyml_conv_s8_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                    int8_t *output) {
    const int32_t depth = p->input_depth;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            for (int32_t x = 0; x < p->output_width; x++) {
                const tinyml_window w = TINYML_WINDOW_OF(p, y, x);
                int8_t *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    int32_t acc = 0;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++) {
                        const int32_t iy = w.y0 + fy;
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++) {
                            const int32_t ix = w.x0 + fx;
                            const int8_t *in = input + ((b * p->input_height + iy) * p->input_width + ix) * depth;
                            const int8_t *w = filter + ((oc * p->filter_height + fy) * p->filter_width + fx) * depth;
                            for (int32_t ic = 0; ic < depth; ic++) {
                                acc += (in[ic] + p->input_offset) * w[ic];
                            }
                        }
                    }
                    if (bias) {
                        acc += bias[oc];
                    }
                    acc = tinyml_multiply_by_quantized_multiplier(acc, p->output_multiplier[oc], p->output_shift[oc]);
                    out[oc] = tinyml_clamp_s8(acc + p->output_offset, p->activation_min, p->activation_max);
                }
            }
        }
    }
}

/* float32: the taps of each output in the order of the interpreter's im2col GEMM (tinyml/gemm_order_f32.h): row =
 * output channel, column = pixel, k = (fy, fx, ic) with out-of-image taps counted as zeros. */
void tinyml_conv_f32(const tinyml_conv_f32_params *params, const float *input, const float *filter, const float *bias,
                     float *output) {
    const tinyml_conv_s8_params *p = &params->geometry;
    const int32_t depth = p->input_depth;
    const int32_t taps = p->filter_height * p->filter_width * depth;
    const int32_t pixels = p->batches * p->output_height * p->output_width;
    int32_t pixel = 0;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            for (int32_t x = 0; x < p->output_width; x++, pixel++) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                float *out = output + pixel * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    const tinyml_gemm_order order = tinyml_gemm_order_of(oc, p->output_depth, pixel, pixels, taps);
                    float sums[4] = {0.0f, 0.0f, 0.0f, 0.0f};
                    int32_t k = 0;
                    for (int32_t fy = 0; fy < p->filter_height; fy++) {
                        const int32_t iy = y0 + fy;
                        for (int32_t fx = 0; fx < p->filter_width; fx++) {
                            const int32_t ix = x0 + fx;
                            const int32_t inside = iy >= 0 && iy < p->input_height && ix >= 0 && ix < p->input_width;
                            const float *in = input + ((b * p->input_height + iy) * p->input_width + ix) * depth;
                            const float *w = filter + ((oc * p->filter_height + fy) * p->filter_width + fx) * depth;
                            for (int32_t ic = 0; ic < depth; ic++, k++) {
                                tinyml_gemm_add(&order, sums, k, inside ? in[ic] * w[ic] : 0.0f);
                            }
                        }
                    }
                    float acc = tinyml_gemm_result(&order, sums, taps);
                    if (bias) {
                        acc += bias[oc];
                    }
                    out[oc] = tinyml_clamp_f32(acc, params->activation_min, params->activation_max);
                }
            }
        }
    }
}
