/*
 * The reference AVERAGE_POOL_2D and MAX_POOL_2D loops, in a header so that the one loop serves both the portable
 * kernel (pooling.c here, a thin wrapper) and the Cortex-M kernel (kernels/cortex_m/pooling.c) for what it does not
 * vectorize, which is linked instead of this folder's .c and so cannot call the portable kernel by its public name.
 */
#ifndef TINYML_KERNELS_REF_POOLING_REF_H
#define TINYML_KERNELS_REF_POOLING_REF_H

#include "tinyml/kernels/pooling.h"
#include "tinyml/activation_f32.h"
#include "tinyml/quant.h"
#include "tinyml/window.h"

/* int8: `average` picks the reduction: rounded mean of the taps inside the input, or their maximum. */
static inline __attribute__((always_inline)) void tinyml_pool_s8_ref(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output, int average) {
    const int32_t depth = p->depth;
    int8_t *out = output;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            for (int32_t x = 0; x < p->output_width; x++, out += depth) {
                const tinyml_window w = TINYML_WINDOW_OF(p, y, x);
                const int32_t count = (w.fy_end - w.fy_start) * (w.fx_end - w.fx_start);
                for (int32_t c = 0; c < depth; c++) {
                    int32_t acc = average ? 0 : -128;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++) {
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++) {
                            const int32_t v = input[((b * p->input_height + w.y0 + fy) * p->input_width + w.x0 + fx) * depth + c];
                            acc = average ? acc + v : (v > acc ? v : acc);
                        }
                    }
                    if (average && count > 0) {
                        acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    }
                    out[c] = tinyml_clamp_s8(acc, p->activation_min, p->activation_max);
                }
            }
        }
    }
}

/* float32: the float sum of the taps in window order divided by their number, or their maximum. */
static inline __attribute__((always_inline)) void tinyml_pool_f32_ref(const tinyml_pool_f32_params *params, const float *input, float *output, int average) {
    const tinyml_pool_s8_params *p = &params->window;
    const int32_t depth = p->depth;
    float *out = output;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            for (int32_t x = 0; x < p->output_width; x++, out += depth) {
                const tinyml_window w = TINYML_WINDOW_OF(p, y, x);
                const int32_t count = (w.fy_end - w.fy_start) * (w.fx_end - w.fx_start);
                for (int32_t c = 0; c < depth; c++) {
                    float acc = average ? 0.0f : -3.40282347e38f;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++) {
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++) {
                            const float v = input[((b * p->input_height + w.y0 + fy) * p->input_width + w.x0 + fx) * depth + c];
                            acc = average ? acc + v : (v > acc ? v : acc);
                        }
                    }
                    if (average) {
                        acc = acc / (float)count;
                    }
                    out[c] = tinyml_clamp_f32(acc, params->activation_min, params->activation_max);
                }
            }
        }
    }
}

#endif
