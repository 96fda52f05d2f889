/*
 * DEPTHWISE_CONV_2D's four side-by-side channels on Helium (M55): part of ../depthwise_conv.c, which includes it
 * when cm_simd.h finds MVE, in place of its DSP/plain-C dw_channels4, and takes the dw_quad functions for the
 * pixels whose windows lie inside the image, four at a time, with the input offset folded into the bias. Four channels per vector of int32 lanes (VLDRB.S32 widens, VMUL + VADD
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

/* Up to four pixels whose windows lie inside the image, collected in output order (any rows and columns). */
typedef struct {
    const int8_t *x[4]; /* each one's window, channel c */
    int8_t *out[4];     /* its output pixel */
    int32_t n;
} dw_quad;

/* Channels c .. c + 3 of the quad's four pixels (n == 4): each tap's weights are loaded once for the four. */
CM_INLINE void dw_quad_run(const tinyml_depthwise_conv_s8_params *p, const int8_t *filter, int32x4_t base, int32_t c,
                           const dw_quad *q)
{
    const int32_t depth = p->input_depth;
    const int32_t skip = (p->input_width - p->filter_width) * depth; /* from a window row's end to the next's start */
    const int8_t *x0 = q->x[0], *x1 = q->x[1], *x2 = q->x[2], *x3 = q->x[3];
    int32x4_t a0 = base, a1 = base, a2 = base, a3 = base;
    const int8_t *w = filter + c;
    for (int32_t fy = 0; fy < p->filter_height; fy++, x0 += skip, x1 += skip, x2 += skip, x3 += skip) {
        for (int32_t fx = 0; fx < p->filter_width; fx++, w += p->output_depth) {
            const int32x4_t wv = vldrbq_s32(w);
            a0 = vaddq_s32(a0, vmulq_s32(vldrbq_s32(x0), wv));
            a1 = vaddq_s32(a1, vmulq_s32(vldrbq_s32(x1), wv));
            a2 = vaddq_s32(a2, vmulq_s32(vldrbq_s32(x2), wv));
            a3 = vaddq_s32(a3, vmulq_s32(vldrbq_s32(x3), wv));
            x0 += depth;
            x1 += depth;
            x2 += depth;
            x3 += depth;
        }
    }
    dw_store4(p, a0, c, q->out[0]);
    dw_store4(p, a1, c, q->out[1]);
    dw_store4(p, a2, c, q->out[2]);
    dw_store4(p, a3, c, q->out[3]);
}

/* Adds a pixel whose window lies inside the image; runs the quad when it holds four, or (x NULL) runs what it
 * holds, the missing pixels standing in for the first (written twice, the same values). */
CM_INLINE void dw_quad_add(const tinyml_depthwise_conv_s8_params *p, const int8_t *filter, int32x4_t base, int32_t c,
                           dw_quad *q, const int8_t *x, int8_t *out)
{
    if (x) {
        q->x[q->n] = x;
        q->out[q->n] = out;
        if (++q->n < 4) {
            return;
        }
    } else if (q->n == 0) {
        return;
    }
    for (int32_t i = q->n; i < 4; i++) {
        q->x[i] = q->x[0];
        q->out[i] = q->out[0];
    }
    dw_quad_run(p, filter, base, c, q);
    q->n = 0;
}

#endif
