/*
 * DEPTHWISE_CONV_2D for Cortex-M: the same results as kernels/ref/depthwise_conv.c, bit for bit, for every input
 * and parameter set, arranged to execute few instructions.
 *
 * With depth multiplier 1 (every MobileNet), output channel c reads input channel c only, and both the input
 * pixel's channels and a filter tap's channels are contiguous, so four channels go side by side, tap by tap over
 * the part of the window inside the image:
 *   DSP extension (M4, M7, M33): one word of input and one of weights per tap; SXTAB16 widens the input with the
 *       offset added, SXTB16 the weights, and SMLABB/SMLATT multiply-accumulate each channel's own lane.
 *   Helium (M55), mve/depthwise_conv.h: four channels per vector of int32 lanes (VLDRB.S32 widens, VMUL + VADD
 *       accumulate), and requantization on the four lanes: VQRDMULH is gemmlowp's rounding doubling high
 *       multiply, and VRSHL of h − [h < 0] is its rounding right shift, half away from zero (see cm_simd.h).
 *       With depth multiplier 1 (dw_strips), the input rows an output row reads are first copied 16 channels at
 *       a time into strips padded with the zero point, so that every pixel's window is whole: four pixels share
 *       each tap's weights, and bias + input_offset·Σ w is prepared once per group so that no tap adds the offset.
 *   otherwise: plain C.
 *   DSP, 3×3 filter, requantization in its fast form and the whole int8 range, dsp/depthwise_conv.h: the pixels
 *       of a row whose windows lie inside the image go to tinyml_cm_dw3x3_run, which loads each tap's weights
 *       pre-widened (once per group of four channels) with one LDM.
 * The files in mve/ and dsp/ are parts of this translation unit, included where cm_simd.h's CM_MVE and CM_DSP say
 * the core (-mcpu) has the extension; dw_pixels keeps the two short #if blocks that hand a row's inside run to
 * the DSP assembly, since they steer its loop.
 * Other channels (a multiplier above 1, or the last depth mod 4) take the same window one channel at a time.
 * Requantization: cm_simd.h's forms of gemmlowp's double rounding, SMMULR-based where exact (prepared per group of
 * four channels), cm_requant_double otherwise.
 */
#include <stddef.h>

#include "cm_simd.h"
#include "tinyml/kernels/depthwise_conv.h"

typedef struct {
    const int8_t *x;  /* the first tap inside the image, channel 0 */
    const int8_t *w;  /* its filter tap, channel 0 */
    int32_t rows;     /* filter rows inside the image */
    int32_t cols;     /* filter columns inside the image */
    int32_t x_row;    /* bytes from one input row to the next */
    int32_t w_row;    /* bytes from one filter row to the next */
} dw_window;

CM_INLINE int8_t dw_requant(const tinyml_depthwise_conv_s8_params *p, int32_t acc, int32_t oc)
{
    acc = cm_requant_double(acc, p->output_multiplier[oc], p->output_shift[oc]);
    return tinyml_clamp_s8(acc + p->output_offset, p->activation_min, p->activation_max);
}

/* Output channel oc of one pixel, reading input channel ic. */
CM_INLINE int8_t dw_channel(const tinyml_depthwise_conv_s8_params *p, const dw_window *win, const int32_t *bias,
                            int32_t ic, int32_t oc)
{
    int32_t acc = bias ? bias[oc] : 0;
    const int8_t *xr = win->x + ic;
    const int8_t *wr = win->w + oc;
    for (int32_t fy = 0; fy < win->rows; fy++, xr += win->x_row, wr += win->w_row) {
        for (int32_t fx = 0; fx < win->cols; fx++) {
            acc += (xr[fx * p->input_depth] + p->input_offset) * wr[fx * p->output_depth];
        }
    }
    return dw_requant(p, acc, oc);
}

/* Requantization of four channels, prepared once for all pixels: cm_requant_double_fast where it is exact. */
typedef struct {
    int32_t multiplier[4];
    int32_t right[4];
    int32_t add[4];
    int fast; /* every channel's shift and the zero point allow it, and no accumulator can reach 2^30 */
    int full; /* the clamp is the whole int8 range (one SSAT) */
} dw_group;

CM_INLINE void dw_group_prepare(const tinyml_depthwise_conv_s8_params *p, const int32_t *bias, int32_t c, dw_group *g)
{
    /* |x + input_offset| <= 255 (the offset of an int8 zero point), |w| <= 128 */
    const int64_t taps = (int64_t)p->filter_height * p->filter_width * 255 * 128;
    g->fast = p->input_offset >= -127 && p->input_offset <= 128;
    g->full = p->activation_min == -128 && p->activation_max == 127;
    for (int32_t j = 0; j < 4; j++) {
        const int32_t shift = p->output_shift[c + j];
        const int64_t b = bias ? bias[c + j] : 0;
        g->fast = g->fast && cm_double_fast_ok(shift, p->output_offset) && (b < 0 ? -b : b) + taps < ((int64_t)1 << 30);
        g->multiplier[j] = p->output_multiplier[c + j];
        g->right[j] = -shift;
        g->add[j] = g->fast ? cm_double_fast_add(shift, p->output_offset) : 0;
    }
}

CM_INLINE int8_t dw_store(const tinyml_depthwise_conv_s8_params *p, const dw_group *g, int32_t j, int32_t acc,
                          int32_t oc)
{
    if (!g->fast) {
        return dw_requant(p, acc, oc);
    }
    acc = cm_requant_double_fast(acc, g->multiplier[j], g->right[j], g->add[j]);
    return g->full ? (int8_t)cm_sat8(acc) : tinyml_clamp_s8(acc, p->activation_min, p->activation_max);
}

/* ---- four channels side by side: Helium's lanes in mve/depthwise_conv.h, else DSP or plain C ---------------- */

#if CM_MVE
#include "mve/depthwise_conv.h"
#else
typedef struct {
    int32_t a0, a1, a2, a3;
} dw_acc4;

/* One filter tap of four side-by-side channels: acc_j += (x[j] + offset)·w[j]. */
CM_INLINE void dw_tap4(dw_acc4 *acc, const int8_t *x, const int8_t *w, int32_t offset)
{
#if CM_DSP
    const uint32_t pair = cm_pair(offset);
    const uint32_t xv = cm_read32(x);
    const uint32_t wv = cm_read32(w);
    const int32_t xe = __sxtab16(pair, xv), we = __sxtb16(wv);
    const int32_t xo = cm_sxtab16_ror8(pair, xv), wo = cm_sxtb16_ror8(wv);
    acc->a0 = __smlabb(xe, we, acc->a0);
    acc->a2 = __smlatt(xe, we, acc->a2);
    acc->a1 = __smlabb(xo, wo, acc->a1);
    acc->a3 = __smlatt(xo, wo, acc->a3);
#else
    acc->a0 += (x[0] + offset) * w[0];
    acc->a1 += (x[1] + offset) * w[1];
    acc->a2 += (x[2] + offset) * w[2];
    acc->a3 += (x[3] + offset) * w[3];
#endif
}

/* Channels c .. c + 3 of one pixel (depth multiplier 1). */
CM_INLINE void dw_channels4(const tinyml_depthwise_conv_s8_params *p, const dw_window *win, const int32_t *bias,
                            const dw_group *g, int32_t c, int8_t *out)
{
    const int32_t depth = p->input_depth;
    const int8_t *xr = win->x + c;
    const int8_t *wr = win->w + c;
    dw_acc4 acc = {0, 0, 0, 0};
    if (bias) {
        acc.a0 = bias[c];
        acc.a1 = bias[c + 1];
        acc.a2 = bias[c + 2];
        acc.a3 = bias[c + 3];
    }
    for (int32_t fy = 0; fy < win->rows; fy++, xr += win->x_row, wr += win->w_row) {
        if (win->cols == 3) {
            /* The common 3-wide window inside the image, unrolled: the taps are depth bytes apart in both. */
            dw_tap4(&acc, xr, wr, p->input_offset);
            dw_tap4(&acc, xr + depth, wr + depth, p->input_offset);
            dw_tap4(&acc, xr + 2 * depth, wr + 2 * depth, p->input_offset);
            continue;
        }
        const int8_t *x = xr;
        const int8_t *w = wr;
        for (int32_t fx = win->cols; fx > 0; fx--, x += depth, w += depth) {
            dw_tap4(&acc, x, w, p->input_offset);
        }
    }
    const int32_t a0 = acc.a0, a1 = acc.a1, a2 = acc.a2, a3 = acc.a3;
    out[c] = dw_store(p, g, 0, a0, c);
    out[c + 1] = dw_store(p, g, 1, a1, c + 1);
    out[c + 2] = dw_store(p, g, 2, a2, c + 2);
    out[c + 3] = dw_store(p, g, 3, a3, c + 3);
}
#endif

/* ---- DSP, 3×3 filters: runs of pixels inside the image, in dsp/depthwise_conv.h ---------------------------- */

#if CM_DSP && !CM_MVE
#include "dsp/depthwise_conv.h"
#endif

/* ---- the pixel loops every core takes, and the choice between them ----------------------------------------- */

/* Every pixel's output channels c .. c + 3 (four, depth multiplier 1), or its output channel c. */
CM_INLINE void dw_pixels(const tinyml_depthwise_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                         const int32_t *bias, int8_t *output, int32_t c, const int four)
{
    const int32_t depth = p->input_depth;
    int8_t *out = output;
    dw_group g;
    if (four) {
        dw_group_prepare(p, bias, c, &g);
    }
#if CM_DSP && !CM_MVE
    /* Output columns [run_x0, run_x1) of a 3×3 filter have their windows inside the image's width. */
    const int32_t run_x0 = (p->pad_width + p->stride_width - 1) / p->stride_width;
    const int32_t last = p->input_width - 3 + p->pad_width; /* stride_width times the last such column */
    const int32_t run_x1 = last < 0 ? 0 : (last / p->stride_width + 1 < p->output_width ? last / p->stride_width + 1
                                                                                       : p->output_width);
    const int runs = four && g.fast && g.full && p->filter_height == 3 && p->filter_width == 3 && run_x1 > run_x0;
    int32_t wide[18];
    dw_run run;
    if (runs) {
        dw_run_prepare(p, filter, bias, &g, c, wide, &run);
    }
#endif
    dw_window win;
    win.x_row = p->input_width * depth;
    win.w_row = p->filter_width * p->output_depth;
    for (int32_t b = 0; b < p->batches; b++) {
        const int8_t *image = input + b * p->input_height * win.x_row;
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t y0 = y * p->stride_height - p->pad_height;
            const int32_t fy0 = y0 < 0 ? -y0 : 0;
            const int32_t fy1 = p->input_height - y0 < p->filter_height ? p->input_height - y0 : p->filter_height;
            for (int32_t x = 0; x < p->output_width; x++, out += p->output_depth) {
#if CM_DSP && !CM_MVE
                if (runs && x == run_x0 && fy1 - fy0 == 3) {
                    run.x = image + (y0 * p->input_width + x * p->stride_width - p->pad_width) * depth + c;
                    run.out = out + c;
                    run.pixels = run_x1 - run_x0;
                    tinyml_cm_dw3x3_run(&run);
                    x = run_x1 - 1;
                    out += (run_x1 - 1 - run_x0) * p->output_depth;
                    continue;
                }
#endif
                const int32_t x0 = x * p->stride_width - p->pad_width;
                const int32_t fx0 = x0 < 0 ? -x0 : 0;
                const int32_t fx1 = p->input_width - x0 < p->filter_width ? p->input_width - x0 : p->filter_width;
                win.rows = fy1 - fy0;
                win.cols = fx1 - fx0;
                win.x = image + ((y0 + fy0) * p->input_width + x0 + fx0) * depth;
                win.w = filter + (fy0 * p->filter_width + fx0) * p->output_depth;
                if (four) {
                    dw_channels4(p, &win, bias, &g, c, out);
                } else {
                    out[c] = dw_channel(p, &win, bias, c / p->depth_multiplier, c);
                }
            }
        }
    }
}

CM_INLINE void dw_all(const tinyml_depthwise_conv_s8_params *params, const int8_t *input, const int8_t *filter,
                      const int32_t *bias, int8_t *output, const int side_by_side)
{
    /* A local copy: stores of int8 outputs cannot then alias the parameters, which stay in registers. */
    const tinyml_depthwise_conv_s8_params p = *params;
    const int32_t groups = side_by_side ? p.input_depth & ~3 : 0;
    int32_t c = 0;
    for (; c < groups; c += 4) {
        dw_pixels(&p, input, filter, bias, output, c, 1);
    }
    for (; c < p.output_depth; c++) {
        dw_pixels(&p, input, filter, bias, output, c, 0);
    }
}

static void __attribute__((noinline)) dw_side_by_side(const tinyml_depthwise_conv_s8_params *p, const int8_t *input,
                                                      const int8_t *filter, const int32_t *bias, int8_t *output)
{
    dw_all(p, input, filter, bias, output, 1);
}

#if CM_MVE
/* Depth multiplier 1 through the strips, 16 channels at a time; groups of four whose shifts dw_strip_store does
 * not take, and the last depth mod 4, through dw_pixels. */
static void __attribute__((noinline)) dw_strips(const tinyml_depthwise_conv_s8_params *params, const int8_t *input,
                                                const int8_t *filter, const int32_t *bias, int8_t *output)
{
    const tinyml_depthwise_conv_s8_params p = *params;
    const int32_t fours = p.input_depth & ~3;
    for (int32_t c = 0; c < fours; c += DW_STRIP_LANES) {
        const int32_t lanes = fours - c < DW_STRIP_LANES ? fours - c : DW_STRIP_LANES;
        const uint32_t others = dw_strip_channels(&p, input, filter, bias, output, c, lanes);
        for (int32_t g = 0; g < lanes / 4; g++) {
            if (others & (1u << g)) {
                dw_pixels(&p, input, filter, bias, output, c + 4 * g, 1);
            }
        }
    }
    for (int32_t c = fours; c < p.output_depth; c++) {
        dw_pixels(&p, input, filter, bias, output, c, 0);
    }
}
#endif

static void __attribute__((noinline)) dw_one_by_one(const tinyml_depthwise_conv_s8_params *p, const int8_t *input,
                                                    const int8_t *filter, const int32_t *bias, int8_t *output)
{
    dw_all(p, input, filter, bias, output, 0);
}

void tinyml_depthwise_conv_s8(const tinyml_depthwise_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                              const int32_t *bias, int8_t *output)
{
#if CM_MVE
    if (dw_strips_fit(p) && p->activation_min <= p->activation_max) {
        dw_strips(p, input, filter, bias, output);
        return;
    }
#endif
    /* Side by side needs channel c to read channel c, and (DSP) the offset in int16 lanes. */
    if (p->depth_multiplier == 1 && cm_offset_fits_int16(p->input_offset) &&
        p->activation_min <= p->activation_max) {
        dw_side_by_side(p, input, filter, bias, output);
    } else {
        dw_one_by_one(p, input, filter, bias, output);
    }
}
