/*
 * CONV_2D for Cortex-M: the same results as kernels/ref/conv.c, bit for bit, for every input and parameter set,
 * arranged to execute few instructions.
 *
 * Each output pixel is a matrix-vector product: filter rows of K = filter_height·filter_width·input_depth weights
 * (one per output channel, contiguous) times the pixel's patch of input. Four output channels share each load of
 * the patch. Where the patch comes from:
 *   1×1 filters: the input pixel itself (pointwise convolutions, most of a MobileNet's work);
 *   small patches (K <= CONV_PATCH_MAX, e.g. a first layer over one channel): copied into a stack buffer, taps
 *       outside the image filled with the input zero point, whose contribution (zp + input_offset)·w is 0;
 *   otherwise: tap by tap, input_depth contiguous bytes each, taps outside the image skipped.
 * All three give the reference's sum exactly: int32 sums wrap the same in any order.
 *
 *   DSP extension (M4, M7): SXTAB16 widens four int8 of input into two int16 pairs with the input offset added,
 *       SXTB16 the weights, SMLAD multiplies and accumulates a pair.
 *   Helium (M55): VMLADAVA over 16 bytes, and VADDVA sums the weights, so Σ (x + offset)·w is
 *       Σ x·w + offset·Σ w with no widening; lanes past the end are predicated off.
 *   otherwise: plain C with the same structure (also the DSP build's path for an input offset beyond int16).
 *
 * Requantization per output channel: cm_simd.h's single rounding (SMMLA form where exact, quant.h otherwise).
 */
#include <stddef.h>

#include "cm_simd.h"
#include "tinyml/kernels/conv.h"

/* Bytes of stack for one copied patch. */
#define CONV_PATCH_MAX 256

typedef struct {
    int32_t a0, a1, a2, a3;
} conv_acc4;

/* Four rows at w, w + stride, w + 2·stride, w + 3·stride: acc_j += Σ_{k<n} (x[k] + offset)·w_j[k]. */
CM_INLINE void conv_dot4(conv_acc4 *acc, const int8_t *x, int32_t n, const int8_t *w, int32_t stride,
                         int32_t offset, const int simd)
{
    int32_t a0 = acc->a0, a1 = acc->a1, a2 = acc->a2, a3 = acc->a3;
    const int8_t *wa = w;
    const int8_t *wb = w + 2 * stride;
    const int8_t *const end = x + n;
#if CM_MVE
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
    (void)end;
    a0 += offset * s0;
    a1 += offset * s1;
    a2 += offset * s2;
    a3 += offset * s3;
#else
#if CM_DSP
    if (simd) {
        const uint32_t pair = cm_pair(offset);
        const int8_t *const words_end = x + (n & ~3);
        for (; x != words_end; x += 4, wa += 4, wb += 4) {
            const uint32_t xv = cm_read32(x);
            const int32_t xe = __sxtab16(pair, xv);
            const int32_t xo = cm_sxtab16_ror8(pair, xv);
            uint32_t wv = cm_read32(wa);
            a0 = __smlad(xe, __sxtb16(wv), a0);
            a0 = __smlad(xo, cm_sxtb16_ror8(wv), a0);
            wv = cm_read32(wa + stride);
            a1 = __smlad(xe, __sxtb16(wv), a1);
            a1 = __smlad(xo, cm_sxtb16_ror8(wv), a1);
            wv = cm_read32(wb);
            a2 = __smlad(xe, __sxtb16(wv), a2);
            a2 = __smlad(xo, cm_sxtb16_ror8(wv), a2);
            wv = cm_read32(wb + stride);
            a3 = __smlad(xe, __sxtb16(wv), a3);
            a3 = __smlad(xo, cm_sxtb16_ror8(wv), a3);
        }
    }
#else
    (void)simd;
#endif
    for (; x != end; x++, wa++, wb++) {
        const int32_t xj = *x + offset;
        a0 += xj * wa[0];
        a1 += xj * wa[stride];
        a2 += xj * wb[0];
        a3 += xj * wb[stride];
    }
#endif
    acc->a0 = a0;
    acc->a1 = a1;
    acc->a2 = a2;
    acc->a3 = a3;
}

/* One row: acc + Σ_{k<n} (x[k] + offset)·w[k]. */
CM_INLINE int32_t conv_dot1(int32_t acc, const int8_t *x, int32_t n, const int8_t *w, int32_t offset, const int simd)
{
    const int8_t *const end = x + n;
#if CM_MVE
    (void)simd;
    int32_t sum = 0;
    for (int32_t left = n; left > 0; left -= 16, x += 16, w += 16) {
        const mve_pred16_t lanes = vctp8q((uint32_t)left);
        const int8x16_t wv = vldrbq_z_s8(w, lanes);
        acc = vmladavaq_s8(acc, vldrbq_z_s8(x, lanes), wv);
        sum = vaddvaq_s8(sum, wv);
    }
    (void)end;
    return acc + offset * sum;
#else
#if CM_DSP
    if (simd) {
        const uint32_t pair = cm_pair(offset);
        const int8_t *const words_end = x + (n & ~3);
        for (; x != words_end; x += 4, w += 4) {
            const uint32_t xv = cm_read32(x);
            const uint32_t wv = cm_read32(w);
            acc = __smlad(__sxtab16(pair, xv), __sxtb16(wv), acc);
            acc = __smlad(cm_sxtab16_ror8(pair, xv), cm_sxtb16_ror8(wv), acc);
        }
    }
#else
    (void)simd;
#endif
    for (; x != end; x++, w++) {
        acc += (*x + offset) * *w;
    }
    return acc;
#endif
}

/* Where one output pixel's input comes from. */
typedef enum {
    CONV_POINTWISE, /* 1×1 filter: the input pixel */
    CONV_PATCH,     /* a copied patch of K bytes */
    CONV_TAPS       /* tap by tap inside the image */
} conv_source;

typedef struct {
    const int8_t *x;   /* CONV_POINTWISE, CONV_PATCH: the K bytes; CONV_TAPS: the first valid tap */
    int32_t fy0, fy1;  /* CONV_TAPS: valid filter rows [fy0, fy1) and columns [fx0, fx1) */
    int32_t fx0, fx1;
} conv_window;

/* Σ over the window of (x + offset)·w for four rows of the filter starting at w (row stride K), or one. */
CM_INLINE void conv_window_dot4(const tinyml_conv_s8_params *p, conv_acc4 *acc, const conv_window *win,
                                const int8_t *w, int32_t k, const conv_source source, const int simd)
{
    if (source != CONV_TAPS) {
        conv_dot4(acc, win->x, k, w, k, p->input_offset, simd);
        return;
    }
    const int32_t depth = p->input_depth;
    const int8_t *row = win->x;
    for (int32_t fy = win->fy0; fy < win->fy1; fy++, row += p->input_width * depth) {
        const int8_t *x = row;
        const int8_t *wt = w + (fy * p->filter_width + win->fx0) * depth;
        for (int32_t fx = win->fx0; fx < win->fx1; fx++, x += depth, wt += depth) {
            conv_dot4(acc, x, depth, wt, k, p->input_offset, simd);
        }
    }
}

CM_INLINE int32_t conv_window_dot1(const tinyml_conv_s8_params *p, int32_t acc, const conv_window *win,
                                   const int8_t *w, int32_t k, const conv_source source, const int simd)
{
    if (source != CONV_TAPS) {
        return conv_dot1(acc, win->x, k, w, p->input_offset, simd);
    }
    const int32_t depth = p->input_depth;
    const int8_t *row = win->x;
    for (int32_t fy = win->fy0; fy < win->fy1; fy++, row += p->input_width * depth) {
        const int8_t *x = row;
        const int8_t *wt = w + (fy * p->filter_width + win->fx0) * depth;
        for (int32_t fx = win->fx0; fx < win->fx1; fx++, x += depth, wt += depth) {
            acc = conv_dot1(acc, x, depth, wt, p->input_offset, simd);
        }
    }
    return acc;
}

CM_INLINE int8_t conv_requant(const tinyml_conv_s8_params *p, int32_t acc, int32_t oc)
{
    return cm_requant_single(acc, p->output_multiplier[oc], p->output_shift[oc], p->output_offset, p->activation_min,
                             p->activation_max);
}

/* All output channels of one pixel. */
CM_INLINE void conv_pixel(const tinyml_conv_s8_params *p, const conv_window *win, const int8_t *filter,
                          const int32_t *bias, int8_t *out, const conv_source source, const int simd)
{
    const int32_t k = p->filter_height * p->filter_width * p->input_depth;
    const int8_t *w = filter;
    int32_t oc = 0;
    for (; oc + 4 <= p->output_depth; oc += 4, w += 4 * k) {
        conv_acc4 acc = {0, 0, 0, 0};
        if (bias) {
            acc.a0 = bias[oc];
            acc.a1 = bias[oc + 1];
            acc.a2 = bias[oc + 2];
            acc.a3 = bias[oc + 3];
        }
        conv_window_dot4(p, &acc, win, w, k, source, simd);
        out[oc] = conv_requant(p, acc.a0, oc);
        out[oc + 1] = conv_requant(p, acc.a1, oc + 1);
        out[oc + 2] = conv_requant(p, acc.a2, oc + 2);
        out[oc + 3] = conv_requant(p, acc.a3, oc + 3);
    }
    for (; oc < p->output_depth; oc++, w += k) {
        out[oc] = conv_requant(p, conv_window_dot1(p, bias ? bias[oc] : 0, win, w, k, source, simd), oc);
    }
}

CM_INLINE void conv_all(const tinyml_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                        const int32_t *bias, int8_t *output, const conv_source source, const int simd)
{
    const int32_t depth = p->input_depth;
    int8_t patch[CONV_PATCH_MAX];
    int8_t *out = output;
    for (int32_t b = 0; b < p->batches; b++) {
        const int8_t *image = input + b * p->input_height * p->input_width * depth;
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            for (int32_t x = 0; x < p->output_width; x++, out += p->output_depth) {
                const int32_t x0 = x * p->stride_width - p->pad_width;
                conv_window win;
                win.fy0 = y0 < 0 ? -y0 : 0;
                win.fx0 = x0 < 0 ? -x0 : 0;
                win.fy1 = p->input_height - y0 < p->filter_height ? p->input_height - y0 : p->filter_height;
                win.fx1 = p->input_width - x0 < p->filter_width ? p->input_width - x0 : p->filter_width;
                win.x = image + ((y0 + win.fy0) * p->input_width + x0 + win.fx0) * depth;
                if (source == CONV_PATCH) {
                    /* The input zero point, -input_offset, fits int8 (checked by the caller). */
                    const int8_t zero = (int8_t)-p->input_offset;
                    int8_t *dst = patch;
                    for (int32_t fy = 0; fy < p->filter_height; fy++) {
                        const int32_t iy = y0 + fy;
                        for (int32_t fx = 0; fx < p->filter_width; fx++) {
                            const int32_t ix = x0 + fx;
                            const int inside = iy >= 0 && iy < p->input_height && ix >= 0 && ix < p->input_width;
                            const int8_t *src = image + (iy * p->input_width + ix) * depth;
                            for (int32_t c = 0; c < depth; c++) {
                                *dst++ = inside ? src[c] : zero;
                            }
                        }
                    }
                    win.x = patch;
                }
                conv_pixel(p, &win, filter, bias, out, source, simd);
            }
        }
    }
}

/* One copy of the loops per source, each with it constant-folded in. */
static void __attribute__((noinline)) conv_pointwise(const tinyml_conv_s8_params *p, const int8_t *input,
                                                     const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_all(p, input, filter, bias, output, CONV_POINTWISE, 1);
}

static void __attribute__((noinline)) conv_patch(const tinyml_conv_s8_params *p, const int8_t *input,
                                                 const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_all(p, input, filter, bias, output, CONV_PATCH, 1);
}

static void __attribute__((noinline)) conv_taps(const tinyml_conv_s8_params *p, const int8_t *input,
                                                const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_all(p, input, filter, bias, output, CONV_TAPS, 1);
}

#if CM_DSP && !CM_MVE
/* An input offset too large for int16 lanes (no int8 model has one): the same loops in plain C. */
static void __attribute__((noinline)) conv_taps_scalar(const tinyml_conv_s8_params *p, const int8_t *input,
                                                       const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_all(p, input, filter, bias, output, CONV_TAPS, 0);
}
#endif

void tinyml_conv_s8(const tinyml_conv_s8_params *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                    int8_t *output)
{
    const int32_t k = p->filter_height * p->filter_width * p->input_depth;
#if CM_DSP && !CM_MVE
    if (!cm_offset_fits_int16(p->input_offset)) {
        conv_taps_scalar(p, input, filter, bias, output);
        return;
    }
#endif
    if (p->filter_height == 1 && p->filter_width == 1 && p->pad_height == 0 && p->pad_width == 0) {
        conv_pointwise(p, input, filter, bias, output);
    } else if (k <= CONV_PATCH_MAX && p->input_offset >= -127 && p->input_offset <= 128) {
        conv_patch(p, input, filter, bias, output);
    } else {
        conv_taps(p, input, filter, bias, output);
    }
}
