/*
 * DEPTHWISE_CONV_2D's four side-by-side channels on Helium (M55): part of ../depthwise_conv.c, which includes it
 * when cm_simd.h finds MVE, in place of its DSP/plain-C dw_channels4, and takes dw_run4 for the pixels of a row
 * whose windows lie inside the image. Four channels per vector of int32 lanes (VLDRB.S32 widens, VMUL + VADD
 * accumulate), and requantization on the four lanes: VQRDMULH is gemmlowp's rounding doubling high multiply, and
 * VRSHL of h − [h < 0] is its rounding right shift, half away from zero (see cm_simd.h). It needs no prepared group
 * (g): the lanes requantize every shift exactly.
 */
#ifndef TINYML_CORTEX_M_MVE_DEPTHWISE_CONV_H
#define TINYML_CORTEX_M_MVE_DEPTHWISE_CONV_H

/* Requantizes channels c .. c + 3 of one pixel into out + c. */
CM_INLINE void dw_store4(const tinyml_depthwise_conv_s8_params *p, int32x4_t acc, int32_t c, int8_t *out)
{
    const int32x4_t shift = vldrwq_s32(p->output_shift + c);
    const int32x4_t zero = vdupq_n_s32(0);
    const int32x4_t left = vmaxq_s32(shift, zero);
    const int32x4_t right = vminq_s32(shift, zero); /* minus the right shift, as VRSHL wants it */
    int32x4_t h = vqrdmulhq_s32(vshlq_s32(acc, left), vldrwq_s32(p->output_multiplier + c));
    h = vaddq_m_s32(h, h, vshrq_n_s32(h, 31), vcmpltq_n_s32(right, 0));
    int32x4_t v = vaddq_n_s32(vrshlq_s32(h, right), p->output_offset);
    v = vminq_s32(vmaxq_s32(v, vdupq_n_s32(p->activation_min)), vdupq_n_s32(p->activation_max));
    vstrbq_s32(out + c, v);
}

/* Channels c .. c + 3 of one pixel (depth multiplier 1). */
CM_INLINE void dw_channels4(const tinyml_depthwise_conv_s8_params *p, const dw_window *win, const int32_t *bias,
                            const dw_group *g, int32_t c, int8_t *out)
{
    (void)g;
    const int32_t depth = p->input_depth;
    const int8_t *xr = win->x + c;
    const int8_t *wr = win->w + c;
    int32x4_t acc = bias ? vldrwq_s32(bias + c) : vdupq_n_s32(0);
    for (int32_t fy = 0; fy < win->rows; fy++, xr += win->x_row, wr += win->w_row) {
        const int8_t *x = xr;
        const int8_t *w = wr;
        for (int32_t fx = win->cols; fx > 0; fx--, x += depth, w += depth) {
            acc = vaddq_s32(acc, vmulq_s32(vaddq_n_s32(vldrbq_s32(x), p->input_offset), vldrbq_s32(w)));
        }
    }
    dw_store4(p, acc, c, out);
}

/* bias + input_offset·Σ w over the whole window, channels c .. c + 3: the sum of every pixel whose window lies
 * inside the image before its Σ x·w, so that those pixels need no offset added to each tap. */
CM_INLINE int32x4_t dw_inside_base(const tinyml_depthwise_conv_s8_params *p, const int8_t *filter, const int32_t *bias,
                                   int32_t c)
{
    int32x4_t sum = vdupq_n_s32(0);
    const int8_t *w = filter + c;
    for (int32_t t = p->filter_height * p->filter_width; t > 0; t--, w += p->output_depth) {
        sum = vaddq_s32(sum, vldrbq_s32(w));
    }
    return vmlaq_n_s32(bias ? vldrwq_s32(bias + c) : vdupq_n_s32(0), sum, p->input_offset);
}

/* Channels c .. c + 3 of four consecutive pixels of a row whose windows lie inside the image: x is the first one's
 * window (channel c), out its output pixel. Each tap's weights are loaded once for the four. */
CM_INLINE void dw_run4(const tinyml_depthwise_conv_s8_params *p, const int8_t *filter, int32x4_t base, int32_t c,
                       const int8_t *x, int8_t *out)
{
    const int32_t depth = p->input_depth;
    const int32_t step = p->stride_width * depth;
    int32x4_t a0 = base, a1 = base, a2 = base, a3 = base;
    const int8_t *w = filter + c;
    for (int32_t fy = 0; fy < p->filter_height; fy++, x += p->input_width * depth) {
        const int8_t *xt = x;
        for (int32_t fx = 0; fx < p->filter_width; fx++, xt += depth, w += p->output_depth) {
            const int32x4_t wv = vldrbq_s32(w);
            a0 = vaddq_s32(a0, vmulq_s32(vldrbq_s32(xt), wv));
            a1 = vaddq_s32(a1, vmulq_s32(vldrbq_s32(xt + step), wv));
            a2 = vaddq_s32(a2, vmulq_s32(vldrbq_s32(xt + 2 * step), wv));
            a3 = vaddq_s32(a3, vmulq_s32(vldrbq_s32(xt + 3 * step), wv));
        }
    }
    dw_store4(p, a0, c, out);
    dw_store4(p, a1, c, out + p->output_depth);
    dw_store4(p, a2, c, out + 2 * p->output_depth);
    dw_store4(p, a3, c, out + 3 * p->output_depth);
}

#endif
