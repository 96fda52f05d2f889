/*
 * Where a filter (or pooling window) placed for one output pixel lies on the input, and which of its taps fall inside
 * the image: the others read padding, which CONV_2D, DEPTHWISE_CONV_2D and the pools leave out of their sums.
 */
#ifndef TINYML_WINDOW_H
#define TINYML_WINDOW_H

#include <stdint.h>

typedef struct {
    int32_t y0, x0;             /* the input row and column under filter tap (0, 0); may lie outside the image */
    int32_t fy_start, fy_end;   /* the filter rows [fy_start, fy_end) that lie inside the image */
    int32_t fx_start, fx_end;   /* the filter columns [fx_start, fx_end) that lie inside the image */
} tinyml_window;

static inline tinyml_window tinyml_window_at(int32_t y0, int32_t x0, int32_t input_height, int32_t input_width,
                                             int32_t filter_height, int32_t filter_width) {
    tinyml_window w;
    w.y0 = y0;
    w.x0 = x0;
    w.fy_start = y0 < 0 ? -y0 : 0;
    w.fy_end = input_height - y0 < filter_height ? input_height - y0 : filter_height;
    w.fx_start = x0 < 0 ? -x0 : 0;
    w.fx_end = input_width - x0 < filter_width ? input_width - x0 : filter_width;
    return w;
}

/* The window of output pixel (y, x) for any kernel parameters with the usual input, filter, stride and pad fields. */
#define TINYML_WINDOW_OF(p, y, x)                                                                                      \
    tinyml_window_at((y) * (p)->stride_height - (p)->pad_height, (x) * (p)->stride_width - (p)->pad_width,           \
                     (p)->input_height, (p)->input_width, (p)->filter_height, (p)->filter_width)

#endif
