/* Portable reference CONV_2D (int8 with per-channel weights, and float32). */
#include "tinyml/kernels/conv.h"
#include "tinyml/activation_f32.h"
#include "tinyml/quant.h"

void tinyml_conv_s8(const tinyml_conv_s8_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                    int8_t *output) {
    const int32_t depth = p->input_depth;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            for (int32_t x = 0; x < p->output_width; x++) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                int8_t *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
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

/*
 * The interpreter's float convolution on x86 is an im2col GEMM in Eigen (SSE: 16 registers, packets of 4 floats): it
 * computes output channels in panels of 8, then of 4, then one by one, and pixels in groups of 4. Within a group of
 * pixels, a 4-channel panel accumulates the even and the odd im2col taps (out-of-image taps count, as zeros) separately
 * over the largest multiple of 8 taps and adds the two sums; a single leftover channel accumulates taps k mod 4 in four
 * sums over the largest multiple of 4 taps, added as (s0 + s1) + (s2 + s3); then the remaining taps follow in order.
 * 8-channel panels and the pixels after the last whole group sum all taps in order. The bias comes last. Summing in
 * exactly that order makes our results identical to the interpreter's (FloatOperatorTest).
 */
typedef struct {
    int32_t lanes;  /* 1, 2 or 4 partial sums */
    int32_t limit;  /* taps [0, limit) go to partial sum k mod lanes; the rest are added in order after merging */
} tap_order;

static tap_order order_of(int32_t oc, int32_t output_depth, int32_t grouped, int32_t taps) {
    const int32_t panels8 = output_depth / 8 * 8;
    const int32_t panels4 = panels8 + (output_depth - panels8) / 4 * 4;
    tap_order order = {1, 0};
    if (grouped && oc >= panels8 && oc < panels4) {
        order.lanes = 2;
        order.limit = taps / 8 * 8;
    } else if (grouped && oc >= panels4) {
        order.lanes = 4;
        order.limit = taps / 4 * 4;
    }
    return order;
}

static void merge(float sum[4], int32_t lanes) {
    if (lanes == 2) {
        sum[0] += sum[1];
    } else if (lanes == 4) {
        sum[0] = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    }
    sum[1] = sum[2] = sum[3] = 0.0f;
}

void tinyml_conv_f32(const tinyml_conv_f32_params *params, const float *input, const float *filter, const float *bias,
                     float *output) {
    const tinyml_conv_s8_params *p = &params->geometry;
    const int32_t depth = p->input_depth;
    const int32_t taps = p->filter_height * p->filter_width * depth;
    const int32_t grouped_pixels = p->batches * p->output_height * p->output_width / 4 * 4;
    int32_t pixel = 0;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            for (int32_t x = 0; x < p->output_width; x++, pixel++) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                float *out = output + pixel * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    const tap_order order = order_of(oc, p->output_depth, pixel < grouped_pixels, taps);
                    float sum[4] = {0.0f, 0.0f, 0.0f, 0.0f};
                    int32_t k = 0;
                    for (int32_t fy = 0; fy < p->filter_height; fy++) {
                        const int32_t iy = y0 + fy;
                        for (int32_t fx = 0; fx < p->filter_width; fx++) {
                            const int32_t ix = x0 + fx;
                            const int32_t inside = iy >= 0 && iy < p->input_height && ix >= 0 && ix < p->input_width;
                            const float *in = input + ((b * p->input_height + iy) * p->input_width + ix) * depth;
                            const float *w = filter + ((oc * p->filter_height + fy) * p->filter_width + fx) * depth;
                            for (int32_t ic = 0; ic < depth; ic++, k++) {
                                const float term = inside ? in[ic] * w[ic] : 0.0f;
                                if (k < order.limit) {
                                    sum[k % order.lanes] += term;
                                } else {
                                    if (k == order.limit) {
                                        merge(sum, order.lanes);
                                    }
                                    sum[0] += term;
                                }
                            }
                        }
                    }
                    if (order.limit == taps) {
                        merge(sum, order.lanes);
                    }
                    float acc = sum[0];
                    if (bias) {
                        acc += bias[oc];
                    }
                    out[oc] = tinyml_clamp_f32(acc, params->activation_min, params->activation_max);
                }
            }
        }
    }
}
