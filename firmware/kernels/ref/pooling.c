/* Portable reference AVERAGE_POOL_2D and MAX_POOL_2D (int8). */
#include "tinyml/kernels/pooling.h"
#include "tinyml/quant.h"

/* The part of the filter window [*start, *end) that lies inside an input of size `size` from `origin` on. */
static void window(int32_t origin, int32_t filter, int32_t size, int32_t *start, int32_t *end) {
    *start = origin < 0 ? -origin : 0;
    *end = size - origin < filter ? size - origin : filter;
}

/* Both pools walk the same windows; `average` picks the reduction: rounded mean of the taps inside the input,
 * or their maximum. */
static void pool(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output, int average) {
    const int32_t depth = p->depth;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            int32_t fy_start, fy_end;
            window(y0, p->filter_height, p->input_height, &fy_start, &fy_end);
            for (int32_t x = 0; x < p->output_width; x++) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                int32_t fx_start, fx_end;
                window(x0, p->filter_width, p->input_width, &fx_start, &fx_end);
                const int32_t count = (fy_end - fy_start) * (fx_end - fx_start);
                int8_t *out = output + ((b * p->output_height + y) * p->output_width + x) * depth;
                for (int32_t c = 0; c < depth; c++) {
                    int32_t acc = average ? 0 : -128;
                    for (int32_t fy = fy_start; fy < fy_end; fy++) {
                        for (int32_t fx = fx_start; fx < fx_end; fx++) {
                            const int32_t v = input[((b * p->input_height + y0 + fy) * p->input_width + x0 + fx) * depth + c];
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

void tinyml_average_pool_s8(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output) {
    pool(p, input, output, 1);
}

void tinyml_max_pool_s8(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output) {
    pool(p, input, output, 0);
}
