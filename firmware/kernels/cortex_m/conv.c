/*
 * CONV_2D for Cortex-M: the same results as kernels/ref/conv.c, bit for bit, for every input and parameter set,
 * arranged to execute few instructions.
 *
 * Each output pixel is a matrix-vector product: filter rows of K = filter_height·filter_width·input_depth weights
 * (one per output channel, contiguous) times the pixel's patch of input. Several output channels share each load of
 * the patch. Where the patch comes from:
 *   1×1 filters: the input pixel itself (pointwise convolutions, most of a MobileNet's work); with stride 1 the
 *       pixels are consecutive rows, taken two at a time so that each widened word of weights serves two pixels
 *       (DSP: the input of a block of pixel pairs is widened once into the stack and serves every channel);
 *   small patches (K <= CONV_PATCH_MAX: first layers over few channels, micro_speech's 10×8 filter): each
 *       pixel's patch is gathered once (im2col) into the stack, taps outside the image filled with the input zero
 *       point, whose contribution (zp + input_offset)·w is 0, and a block of such patches then goes through the
 *       1×1 stride-1 loops above as if it were input_depth = K: every output channel reuses the gathered patch
 *       (gathering it per group of four channels cost more than the multiplications with one input channel; DSP:
 *       the patches are widened straight from the input rows into the pixel pairs of the 1×1 assembly loop);
 *   otherwise: tap by tap, input_depth contiguous bytes each, taps outside the image skipped.
 * All three give the reference's sum exactly: int32 sums wrap the same in any order.
 *
 *   DSP extension (M4, M7, M33): SXTAB16 widens four int8 of input into two int16 pairs with the input offset
 *       added, SXTB16 the weights, SMLAD multiplies and accumulates a pair: word loops in front of the plain-C
 *       tails of the dot products here, and the paths that widen input once into the stack in dsp/conv.h.
 *   Helium (M55): four pixels per pass (mve/conv_blocks.h): each pixel's K bytes read where they are (1×1, no
 *       padding) or gathered (im2col) into .bss, then a VMLADAVA loop per output channel, or per pair of them,
 *       over the four, the input offset folded into the bias; the tap-by-tap fallback (patches too large to
 *       gather) keeps mve/conv.h's predicated dot products and byte moves.
 *   otherwise: plain C with the same structure (also the DSP build's path for an input offset beyond int16).
 * Everything else (windows, im2col, channel groups, requantization, the choice of path) is shared, and the files
 * in dsp/ and mve/ are parts of this translation unit, chosen by cm_simd.h's CM_DSP and CM_MVE (the core given
 * by -mcpu): inlined into the same loops, they compile to the code one file with #if blocks gave.
 *
 * Requantization per output channel: cm_simd.h's single rounding (SMMLA form where exact, quant.h otherwise).
 */
#include <stddef.h>

#include "cm_simd.h"
#include "tinyml/kernels/conv.h"

/* The largest patch (K bytes) taken by im2col: a block of CONV_COLS_BYTES holds at least two. */
#define CONV_PATCH_MAX 256
/* Bytes of stack for a block of gathered patches (conv_im2col). */
#define CONV_COLS_BYTES 512
/* Bytes of stack for one gathered filter row (conv_im2col_wide). */
#define CONV_ROW_MAX 64

typedef struct {
    int32_t a0, a1, a2, a3;
} conv_acc4;

/* Where one output pixel's input comes from. */
typedef enum {
    CONV_POINTWISE, /* 1×1 filter: the input pixel */
    CONV_TAPS       /* tap by tap inside the image */
} conv_source;

typedef struct {
    const int8_t *x;   /* the first valid tap (CONV_POINTWISE: the pixel's K bytes) */
    int32_t fy0, fy1;  /* valid filter rows [fy0, fy1) and columns [fx0, fx1) */
    int32_t fx0, fx1;
} conv_window;

/* ---- dot products and byte moves: Helium's in mve/conv.h, else DSP words before a plain-C tail ---------- */

#if CM_MVE
#include "mve/conv.h"
#else
/* Four rows at w, w + stride, w + 2·stride, w + 3·stride: acc_j += Σ_{k<n} (x[k] + offset)·w_j[k]. */
CM_INLINE void conv_dot4(conv_acc4 *acc, const int8_t *x, int32_t n, const int8_t *w, int32_t stride,
                         int32_t offset, const int simd)
{
    int32_t a0 = acc->a0, a1 = acc->a1, a2 = acc->a2, a3 = acc->a3;
    const int8_t *wa = w;
    const int8_t *wb = w + 2 * stride;
    const int8_t *const end = x + n;
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
    acc->a0 = a0;
    acc->a1 = a1;
    acc->a2 = a2;
    acc->a3 = a3;
}

/* One row: acc + Σ_{k<n} (x[k] + offset)·w[k]. */
CM_INLINE int32_t conv_dot1(int32_t acc, const int8_t *x, int32_t n, const int8_t *w, int32_t offset, const int simd)
{
    const int8_t *const end = x + n;
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
}

/* Two pixels' rows xa, xb = xa + k times two filter rows wa, wb = wa + k (k inputs each): a[pixel][row] +=
 * Σ (x + offset)·w. Each widened word of weights serves both pixels. */
CM_INLINE void conv_dot2x2(int32_t a[2][2], const int8_t *xa, const int8_t *wa, int32_t k, int32_t offset)
{
    int32_t a00 = a[0][0], a01 = a[0][1], a10 = a[1][0], a11 = a[1][1];
    const int8_t *const end = xa + k;
#if CM_DSP
    const uint32_t pair = cm_pair(offset);
    const int8_t *const words_end = xa + (k & ~3);
    for (; xa != words_end; xa += 4, wa += 4) {
        const uint32_t xv0 = cm_read32(xa);
        const uint32_t xv1 = cm_read32(xa + k);
        const int32_t x0e = __sxtab16(pair, xv0), x0o = cm_sxtab16_ror8(pair, xv0);
        const int32_t x1e = __sxtab16(pair, xv1), x1o = cm_sxtab16_ror8(pair, xv1);
        uint32_t wv = cm_read32(wa);
        int32_t we = __sxtb16(wv), wo = cm_sxtb16_ror8(wv);
        a00 = __smlad(x0o, wo, __smlad(x0e, we, a00));
        a10 = __smlad(x1o, wo, __smlad(x1e, we, a10));
        wv = cm_read32(wa + k);
        we = __sxtb16(wv);
        wo = cm_sxtb16_ror8(wv);
        a01 = __smlad(x0o, wo, __smlad(x0e, we, a01));
        a11 = __smlad(x1o, wo, __smlad(x1e, we, a11));
    }
#endif
    for (; xa != end; xa++, wa++) {
        const int32_t x0 = xa[0] + offset, x1 = xa[k] + offset;
        a00 += x0 * wa[0];
        a10 += x1 * wa[0];
        a01 += x0 * wa[k];
        a11 += x1 * wa[k];
    }
    a[0][0] = a00;
    a[0][1] = a01;
    a[1][0] = a10;
    a[1][1] = a11;
}

/* With one input channel a filter row is a few bytes, copied once per pixel a word at a time. */
CM_INLINE void conv_copy(int8_t *dst, const int8_t *src, int32_t n)
{
    for (; n >= 4; n -= 4, src += 4, dst += 4) {
        const uint32_t v = cm_read32(src);
        memcpy(dst, &v, sizeof v);
    }
    for (; n > 0; n--) {
        *dst++ = *src++;
    }
}

CM_INLINE void conv_fill(int8_t *dst, int32_t n, int8_t value)
{
    for (; n > 0; n--) {
        *dst++ = value;
    }
}
#endif

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

/* The requantization of up to four output channels, prepared once for all pixels. */
typedef struct {
    int32_t bias[4];
    int32_t multiplier[4];
    int32_t add[4];    /* cm_single_fast_add */
    int32_t right[4];  /* -1 - shift */
    int32_t shift[4];
    int32_t count;     /* channels in the group, 1..4; the entries past it are not set */
    int fast;          /* every channel takes cm_requant_single_fast and the clamp is the whole int8 range */
} conv_group;

CM_INLINE void conv_group_prepare(const tinyml_conv_s8_params *p, const int32_t *bias, int32_t oc, int32_t count,
                                  conv_group *g)
{
    g->count = count;
    g->fast = p->activation_min == -128 && p->activation_max == 127;
    for (int32_t j = 0; j < count; j++) {
        const int32_t c = oc + j;
        g->bias[j] = bias ? bias[c] : 0;
        g->multiplier[j] = p->output_multiplier[c];
        g->shift[j] = p->output_shift[c];
        g->fast = g->fast && cm_single_fast_ok(g->shift[j], p->output_offset);
        g->right[j] = -1 - g->shift[j];
        g->add[j] = g->fast ? cm_single_fast_add(g->shift[j], p->output_offset) : 0;
    }
}

CM_INLINE int8_t conv_store1(const tinyml_conv_s8_params *p, const conv_group *g, int32_t j, int32_t acc)
{
    if (g->fast) {
        return (int8_t)cm_sat8(cm_mulhi_add(acc, g->multiplier[j], g->add[j]) >> g->right[j]);
    }
    return cm_requant_single(acc, g->multiplier[j], g->shift[j], p->output_offset, p->activation_min,
                             p->activation_max);
}

/* The input of output pixel (y, x) of image b: where its window starts and which taps are inside. */
CM_INLINE void conv_window_at(const tinyml_conv_s8_params *p, const int8_t *image, int32_t y, int32_t x,
                              conv_window *win)
{
    const int32_t y0 = y * p->stride_height - p->pad_height;
    const int32_t x0 = x * p->stride_width - p->pad_width;
    win->fy0 = y0 < 0 ? -y0 : 0;
    win->fx0 = x0 < 0 ? -x0 : 0;
    win->fy1 = p->input_height - y0 < p->filter_height ? p->input_height - y0 : p->filter_height;
    win->fx1 = p->input_width - x0 < p->filter_width ? p->input_width - x0 : p->filter_width;
    win->x = image + ((y0 + win->fy0) * p->input_width + x0 + win->fx0) * p->input_depth;
}

/* Output pixels in output order (batch, row, column). */
typedef struct {
    int32_t b, y, x;
} conv_pixel;

/* The window of output pixel px; px then moves on to the next pixel. */
CM_INLINE void conv_window_next(const tinyml_conv_s8_params *p, const int8_t *input, conv_pixel *px, conv_window *win)
{
    conv_window_at(p, input + px->b * p->input_height * p->input_width * p->input_depth, px->y, px->x, win);
    if (++px->x == p->output_width) {
        px->x = 0;
        if (++px->y == p->output_height) {
            px->y = 0;
            px->b++;
        }
    }
}

/* One filter row of the window (filter_width·input_depth bytes) into dst, taps outside the image set to the input
 * zero point (-input_offset, which fits int8: checked by the caller). valid: whether the row is inside the image;
 * src: its first valid tap. */
CM_INLINE void conv_gather_row(const tinyml_conv_s8_params *p, const conv_window *win, int valid, const int8_t *src,
                               int8_t *dst)
{
    const int32_t depth = p->input_depth;
    const int32_t row_bytes = p->filter_width * depth;
    const int8_t zero = (int8_t)-p->input_offset;
    if (!valid) {
        conv_fill(dst, row_bytes, zero);
        return;
    }
    const int32_t before = win->fx0 * depth;
    const int32_t inside = (win->fx1 - win->fx0) * depth;
    conv_fill(dst, before, zero);
    conv_copy(dst + before, src, inside);
    conv_fill(dst + before + inside, row_bytes - before - inside, zero);
}

/* The window's K bytes into patch. */
CM_INLINE void conv_gather(const tinyml_conv_s8_params *p, const conv_window *win, int8_t *patch)
{
    const int32_t row_bytes = p->filter_width * p->input_depth;
#if CM_MVE
    if (row_bytes <= 16) {
        conv_gather_short(p, win, patch, row_bytes);
        return;
    }
#endif
    const int8_t *src = win->x;
    for (int32_t fy = 0; fy < p->filter_height; fy++, patch += row_bytes) {
        const int valid = fy >= win->fy0 && fy < win->fy1;
        conv_gather_row(p, win, valid, src, patch);
        src += valid ? p->input_width * p->input_depth : 0;
    }
}

/* Output channels oc .. oc + count - 1 of every pixel. */
CM_INLINE void conv_channels(const tinyml_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                             const int32_t *bias, int8_t *output, int32_t oc, int32_t count,
                             const conv_source source, const int simd)
{
    const int32_t k = p->filter_height * p->filter_width * p->input_depth;
    const int8_t *w = filter + oc * k;
    conv_group g;
    conv_group_prepare(p, bias, oc, count, &g);
    int8_t *out = output + oc;
    for (int32_t b = 0; b < p->batches; b++) {
        const int8_t *image = input + b * p->input_height * p->input_width * p->input_depth;
        for (int32_t y = 0; y < p->output_height; y++) {
            for (int32_t x = 0; x < p->output_width; x++, out += p->output_depth) {
                conv_window win;
                conv_window_at(p, image, y, x, &win);
                if (count == 4) {
                    conv_acc4 acc = {g.bias[0], g.bias[1], g.bias[2], g.bias[3]};
                    conv_window_dot4(p, &acc, &win, w, k, source, simd);
                    out[0] = conv_store1(p, &g, 0, acc.a0);
                    out[1] = conv_store1(p, &g, 1, acc.a1);
                    out[2] = conv_store1(p, &g, 2, acc.a2);
                    out[3] = conv_store1(p, &g, 3, acc.a3);
                } else {
                    for (int32_t j = 0; j < count; j++) {
                        out[j] = conv_store1(p, &g, j, conv_window_dot1(p, g.bias[j], &win, w + j * k, k, source, simd));
                    }
                }
            }
        }
    }
}

CM_INLINE void conv_all(const tinyml_conv_s8_params *params, const int8_t *input, const int8_t *filter,
                        const int32_t *bias, int8_t *output, const conv_source source, const int simd)
{
    /* A local copy: stores of int8 outputs cannot then alias the parameters, which stay in registers. */
    const tinyml_conv_s8_params p = *params;
    int32_t oc = 0;
    for (; oc + 4 <= p.output_depth; oc += 4) {
        conv_channels(&p, input, filter, bias, output, oc, 4, source, simd);
    }
    if (oc < p.output_depth) {
        conv_channels(&p, input, filter, bias, output, oc, p.output_depth - oc, source, simd);
    }
}

/* ---- DSP (M4, M7, M33): pixels widened once into the stack, in dsp/conv.h ---------------------------------- */

#if CM_DSP && !CM_MVE
#include "dsp/conv.h"
#endif

/* ---- Helium (M55): blocks of four pixels, in mve/conv_blocks.h ------------------------------------------------ */

#if CM_MVE
#include "mve/conv_blocks.h"
#endif

/* ---- the paths of the other cores (1×1 pixel pairs, im2col blocks), tap by tap for all, and the choice ------ */

#if !CM_MVE

/* 1×1 filter, stride 1, no padding: every pixel is a row of input_depth bytes, one after the other. Two pixels
 * times two output channels at a time. */
static void __attribute__((noinline)) conv_flat(const tinyml_conv_s8_params *params, const int8_t *input,
                                                const int8_t *filter, const int32_t *bias, int8_t *output)
{
    const tinyml_conv_s8_params p = *params;
    const int32_t k = p.input_depth;
    const int32_t pixels = p.batches * p.output_height * p.output_width;
    for (int32_t oc = 0; oc < p.output_depth; oc += 2) {
        const int32_t count = p.output_depth - oc < 2 ? 1 : 2;
        const int8_t *w = filter + oc * k;
        conv_group g;
        conv_group_prepare(&p, bias, oc, count, &g);
        const int8_t *x = input;
        int8_t *out = output + oc;
        int32_t left = pixels;
        if (count == 2) {
            for (; left >= 2; left -= 2, x += 2 * k, out += 2 * p.output_depth) {
                int32_t a[2][2] = {{g.bias[0], g.bias[1]}, {g.bias[0], g.bias[1]}};
                conv_dot2x2(a, x, w, k, p.input_offset);
                out[0] = conv_store1(&p, &g, 0, a[0][0]);
                out[1] = conv_store1(&p, &g, 1, a[0][1]);
                out[p.output_depth] = conv_store1(&p, &g, 0, a[1][0]);
                out[p.output_depth + 1] = conv_store1(&p, &g, 1, a[1][1]);
            }
        }
        for (; left > 0; left--, x += k, out += p.output_depth) {
            for (int32_t j = 0; j < count; j++) {
                out[j] = conv_store1(&p, &g, j, conv_dot1(g.bias[j], x, k, w + j * k, p.input_offset, 1));
            }
        }
    }
}

/* Filters with K <= CONV_PATCH_MAX and a zero point that fits int8: the patches of a block of pixels gathered into
 * the stack (im2col), then the block taken as a 1×1 stride-1 convolution over input_depth = K. */
static void __attribute__((noinline)) conv_im2col(const tinyml_conv_s8_params *params, const int8_t *input,
                                                  const int8_t *filter, const int32_t *bias, int8_t *output)
{
    const tinyml_conv_s8_params p = *params;
    const int32_t k = p.filter_height * p.filter_width * p.input_depth;
    const int32_t pixels = p.batches * p.output_height * p.output_width;
    const int32_t block = CONV_COLS_BYTES / k;
    tinyml_conv_s8_params flat = p;
    flat.batches = flat.output_height = flat.input_height = 1;
    flat.filter_height = flat.filter_width = flat.stride_height = flat.stride_width = 1;
    flat.pad_height = flat.pad_width = 0;
    flat.input_depth = k;
    int8_t cols[CONV_COLS_BYTES];
    conv_pixel px = {0, 0, 0};
    for (int32_t done = 0; done < pixels; done += block) {
        const int32_t n = pixels - done < block ? pixels - done : block;
        for (int32_t i = 0; i < n; i++) {
            conv_window win;
            conv_window_next(&p, input, &px, &win);
            conv_gather(&p, &win, cols + i * k);
        }
        flat.output_width = flat.input_width = n;
        conv_flat(&flat, cols, filter, bias, output + done * p.output_depth);
    }
}

/* One copy of the loops per source, each with it constant-folded in. */
static void __attribute__((noinline)) conv_pointwise(const tinyml_conv_s8_params *p, const int8_t *input,
                                                     const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_all(p, input, filter, bias, output, CONV_POINTWISE, 1);
}

#endif

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
    const int pointwise = p->filter_height == 1 && p->filter_width == 1 && p->pad_height == 0 && p->pad_width == 0;
    const int zero_fits = p->input_offset >= -127 && p->input_offset <= 128;
#if CM_MVE
    if (pointwise) {
        conv_blocks_direct(p, input, filter, bias, output);
    } else if (k <= CONV_BLOCK_K_MAX && zero_fits) {
        conv_blocks_gathered(p, input, filter, bias, output);
    } else {
        conv_taps(p, input, filter, bias, output);
    }
#else
#if CM_DSP
    if (!cm_offset_fits_int16(p->input_offset)) {
        conv_taps_scalar(p, input, filter, bias, output);
        return;
    }
#endif
    if (pointwise && p->stride_height == 1 && p->stride_width == 1) {
#if CM_DSP
        if ((p->input_depth & 3) == 0 && p->input_depth <= CONV_WIDE_WORDS) {
            conv_flat_wide(p, input, filter, bias, output);
            return;
        }
#endif
        conv_flat(p, input, filter, bias, output);
    } else if (pointwise) {
        conv_pointwise(p, input, filter, bias, output);
    } else if (k <= CONV_PATCH_MAX && zero_fits) {
#if CM_DSP
        const int32_t row_bytes = p->filter_width * p->input_depth;
        if ((row_bytes & 3) == 0 && row_bytes <= CONV_ROW_MAX) {
            conv_im2col_wide(p, input, filter, bias, output);
            return;
        }
#endif
        conv_im2col(p, input, filter, bias, output);
    } else {
        conv_taps(p, input, filter, bias, output);
    }
#endif
}
