/* Portable CONV_2D of the 16x8 scheme, the only one on every target (see tinyml/kernels/conv.h). */
#include "tinyml/kernels/conv.h"
#include "tinyml/quant_s16.h"
#include "tinyml/window.h"

void tinyml_conv_s16(const tinyml_conv_s8_params *p, const int16_t *input, const int8_t *filter, const int64_t *bias,
                     int16_t *output) {
    const int32_t depth = p->input_depth;
    for (int32_t b = 0; b < p->batches; b++) {
        for (int32_t y = 0; y < p->output_height; y++) {
            for (int32_t x = 0; x < p->output_width; x++) {
                const tinyml_window w = TINYML_WINDOW_OF(p, y, x);
                int16_t *out = output + ((b * p->output_height + y) * p->output_width + x) * p->output_depth;
                for (int32_t oc = 0; oc < p->output_depth; oc++) {
                    int64_t acc = 0;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++) {
                        const int32_t iy = w.y0 + fy;
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++) {
                            const int32_t ix = w.x0 + fx;
                            const int16_t *in = input + ((b * p->input_height + iy) * p->input_width + ix) * depth;
                            const int8_t *taps = filter + ((oc * p->filter_height + fy) * p->filter_width + fx) * depth;
                            for (int32_t ic = 0; ic < depth; ic++) {
                                acc += (int32_t)in[ic] * taps[ic];
                            }
                        }
                    }
                    if (bias) {
                        acc += bias[oc];
                    }
                    const int32_t scaled = tinyml_multiply_by_quantized_multiplier_s64(acc, p->output_multiplier[oc],
                                                                                       p->output_shift[oc]);
                    out[oc] = tinyml_clamp_s16(scaled + p->output_offset, p->activation_min, p->activation_max);
                }
            }
        }
    }
}
