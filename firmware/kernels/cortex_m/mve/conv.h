/*
 * CONV_2D's dot products and byte moves on Helium (M55): part of ../conv.c, which includes it when cm_simd.h finds
 * MVE, in place of its DSP/plain-C ones. VMLADAVA over 16 bytes, and VADDVA sums the weights, so Σ (x + offset)·w
 * is Σ x·w + offset·Σ w with no widening; lanes past the end are predicated off, so a row of any length is whole
 * vectors and these need no scalar tail (simd, which chooses DSP words or plain C in ../conv.c, has no meaning).
 */
#ifndef TINYML_CORTEX_M_MVE_CONV_H
#define TINYML_CORTEX_M_MVE_CONV_H

/* Four rows at w, w + stride, w + 2·stride, w + 3·stride: acc_j += Σ_{k<n} (x[k] + offset)·w_j[k]. */
CM_INLINE void conv_dot4(conv_acc4 *acc, const int8_t *x, int32_t n, const int8_t *w, int32_t stride,
                         int32_t offset, const int simd)
{
    int32_t a0 = acc->a0, a1 = acc->a1, a2 = acc->a2, a3 = acc->a3;
    const int8_t *wa = w;
    const int8_t *wb = w + 2 * stride;
    (void)simd;
    int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int32_t left = n; left > 0; left -= 16, x += 16, wa += 16, wb += 16) {
        const mve_pred16_t lanes = vctp8q((uint32_t)left);
        const int8x16_t xv = vldrbq_z_s8(x, lanes);
        const int8x16_t w0 = vldrbq_z_s8(wa, lanes);
        const int8x16_t w1 = vldrbq_z_s8(wa + stride, lanes);
        const int8x16_t w2 = vldrbq_z_s8(wb, lanes);
        const int8x16_t w3 = vldrbq_z_s8(wb + stride, lanes);
        a0 = vmladavaq_s8(a0, xv, w0);
        s0 = vaddvaq_s8(s0, w0);
        a1 = vmladavaq_s8(a1, xv, w1);
        s1 = vaddvaq_s8(s1, w1);
        a2 = vmladavaq_s8(a2, xv, w2);
        s2 = vaddvaq_s8(s2, w2);
        a3 = vmladavaq_s8(a3, xv, w3);
        s3 = vaddvaq_s8(s3, w3);
    }
    a0 += offset * s0;
    a1 += offset * s1;
    a2 += offset * s2;
    a3 += offset * s3;
    acc->a0 = a0;
    acc->a1 = a1;
    acc->a2 = a2;
    acc->a3 = a3;
}

/* One row: acc + Σ_{k<n} (x[k] + offset)·w[k]. */
CM_INLINE int32_t conv_dot1(int32_t acc, const int8_t *x, int32_t n, const int8_t *w, int32_t offset, const int simd)
{
    (void)simd;
    int32_t sum = 0;
    for (int32_t left = n; left > 0; left -= 16, x += 16, w += 16) {
        const mve_pred16_t lanes = vctp8q((uint32_t)left);
        const int8x16_t wv = vldrbq_z_s8(w, lanes);
        acc = vmladavaq_s8(acc, vldrbq_z_s8(x, lanes), wv);
        sum = vaddvaq_s8(sum, wv);
    }
    return acc + offset * sum;
}

/* A filter row's few bytes (one input channel), 16 at a time, lanes past the end predicated off. */
CM_INLINE void conv_copy(int8_t *dst, const int8_t *src, int32_t n)
{
    for (; n > 0; n -= 16, src += 16, dst += 16) {
        const mve_pred16_t lanes = vctp8q((uint32_t)n);
        vstrbq_p_s8(dst, vldrbq_z_s8(src, lanes), lanes);
    }
}

CM_INLINE void conv_fill(int8_t *dst, int32_t n, int8_t value)
{
    const int8x16_t v = vdupq_n_s8(value);
    for (; n > 0; n -= 16, dst += 16) {
        vstrbq_p_s8(dst, v, vctp8q((uint32_t)n));
    }
}

/* conv_gather for rows of at most 16 bytes: one predicated load, select and store per row, each lane the input
 * where the tap is inside the image, else the zero point (micro_speech on the M55: separate fill and copy loops
 * took 800 instructions per pixel). Lanes outside are predicated off: nothing left of the image or past the row
 * is read. */
CM_INLINE void conv_gather_short(const tinyml_conv_s8_params *p, const conv_window *win, int8_t *patch,
                                 int32_t row_bytes)
{
    const int8x16_t zeros = vdupq_n_s8((int8_t)-p->input_offset);
    const int32_t before = win->fx0 * p->input_depth;
    const mve_pred16_t taps = vctp8q((uint32_t)(win->fx1 * p->input_depth)) & (mve_pred16_t)~vctp8q((uint32_t)before);
    const mve_pred16_t lanes = vctp8q((uint32_t)row_bytes);
    uintptr_t from = (uintptr_t)win->x - (uintptr_t)before;
    for (int32_t fy = 0; fy < p->filter_height; fy++, patch += row_bytes) {
        int8x16_t v = zeros;
        if (fy >= win->fy0 && fy < win->fy1) {
            v = vpselq_s8(vldrbq_z_s8((const int8_t *)from, taps), zeros, taps);
            from += (uintptr_t)(p->input_width * p->input_depth);
        }
        vstrbq_p_s8(patch, v, lanes);
    }
}

#endif
