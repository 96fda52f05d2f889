/*
 * AVERAGE_POOL_2D and MAX_POOL_2D for Cortex-M: the same results as kernels/ref/pooling.c, bit for bit. On Helium
 * (M55) int8 pooling goes across the channels: the average sums four channels per vector of int32 lanes over the
 * window's taps inside the image (VLDRB.S32 widens) and rounds each lane's quotient as the reference does; the
 * maximum takes sixteen channels per VMAX.S8. Lanes past the depth are predicated off. Float32 and the other cores
 * take the reference (../ref/pooling_ref.h, compiled in here since only one source per operator is linked).
 */
#include "../ref/pooling_ref.h"
#include "cm_simd.h"

#if CM_MVE
/* The first input tap inside the image of output pixel (b, y, x), and the window. */
CM_INLINE const int8_t *pool_corner(const tinyml_pool_s8_params *p, const int8_t *input, int32_t b, int32_t y,
                                    int32_t x, tinyml_window *w)
{
    *w = TINYML_WINDOW_OF(p, y, x);
    return input + ((b * p->input_height + w->y0 + w->fy_start) * p->input_width + w->x0 + w->fx_start) * p->depth;
}

static void __attribute__((noinline)) pool_average_lanes(const tinyml_pool_s8_params *params, const int8_t *input,
                                                         int8_t *output)
{
    const tinyml_pool_s8_params p = *params;
    const int32_t row = p.input_width * p.depth;
    int8_t *out = output;
    for (int32_t b = 0; b < p.batches; b++) {
        for (int32_t y = 0; y < p.output_height; y++) {
            for (int32_t x = 0; x < p.output_width; x++, out += p.depth) {
                tinyml_window w;
                const int8_t *corner = pool_corner(&p, input, b, y, x, &w);
                const int32_t count = (w.fy_end - w.fy_start) * (w.fx_end - w.fx_start);
                for (int32_t c = 0; c < p.depth; c += 4) {
                    const mve_pred16_t lanes = vctp32q((uint32_t)(p.depth - c));
                    int32x4_t sum = vdupq_n_s32(0);
                    const int8_t *r = corner + c;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++, r += row) {
                        const int8_t *t = r;
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++, t += p.depth) {
                            sum = vaddq_s32(sum, vldrbq_z_s32(t, lanes));
                        }
                    }
                    int32_t lane[4];
                    vst1q_s32(lane, sum);
                    for (int32_t i = 0; i < 4; i++) {
                        int32_t acc = lane[i];
                        if (count > 0) {
                            acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                        }
                        lane[i] = tinyml_clamp_s8(acc, p.activation_min, p.activation_max);
                    }
                    vstrbq_p_s32(out + c, vld1q_s32(lane), lanes);
                }
            }
        }
    }
}

static void __attribute__((noinline)) pool_max_lanes(const tinyml_pool_s8_params *params, const int8_t *input,
                                                     int8_t *output)
{
    const tinyml_pool_s8_params p = *params;
    const int32_t row = p.input_width * p.depth;
    const int8x16_t low = vdupq_n_s8((int8_t)p.activation_min);
    const int8x16_t high = vdupq_n_s8((int8_t)p.activation_max);
    int8_t *out = output;
    for (int32_t b = 0; b < p.batches; b++) {
        for (int32_t y = 0; y < p.output_height; y++) {
            for (int32_t x = 0; x < p.output_width; x++, out += p.depth) {
                tinyml_window w;
                const int8_t *corner = pool_corner(&p, input, b, y, x, &w);
                for (int32_t c = 0; c < p.depth; c += 16) {
                    const mve_pred16_t lanes = vctp8q((uint32_t)(p.depth - c));
                    int8x16_t m = vdupq_n_s8(-128);
                    const int8_t *r = corner + c;
                    for (int32_t fy = w.fy_start; fy < w.fy_end; fy++, r += row) {
                        const int8_t *t = r;
                        for (int32_t fx = w.fx_start; fx < w.fx_end; fx++, t += p.depth) {
                            m = vmaxq_s8(m, vldrbq_z_s8(t, lanes));
                        }
                    }
                    vstrbq_p_s8(out + c, vminq_s8(vmaxq_s8(m, low), high), lanes);
                }
            }
        }
    }
}
#endif

void tinyml_average_pool_s8(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output)
{
#if CM_MVE
    pool_average_lanes(p, input, output);
#else
    tinyml_pool_s8_ref(p, input, output, 1);
#endif
}

void tinyml_max_pool_s8(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output)
{
#if CM_MVE
    pool_max_lanes(p, input, output);
#else
    tinyml_pool_s8_ref(p, input, output, 0);
#endif
}

void tinyml_average_pool_f32(const tinyml_pool_f32_params *p, const float *input, float *output)
{
    tinyml_pool_f32_ref(p, input, output, 1);
}

void tinyml_max_pool_f32(const tinyml_pool_f32_params *p, const float *input, float *output)
{
    tinyml_pool_f32_ref(p, input, output, 0);
}
