/*
 * DEPTHWISE_CONV_2D for Cortex-M: the same results as kernels/ref/depthwise_conv.c, bit for bit, for every input
 * and parameter set, arranged to execute few instructions.
 *
 * With depth multiplier 1 (every MobileNet), output channel c reads input channel c only, and both the input
 * pixel's channels and a filter tap's channels are contiguous, so four channels go side by side, tap by tap over
 * the part of the window inside the image:
 *   DSP extension (M4, M7): one word of input and one of weights per tap; SXTAB16 widens the input with the
 *       offset added, SXTB16 the weights, and SMLABB/SMLATT multiply-accumulate each channel's own lane.
 *   Helium (M55): four channels per vector of int32 lanes (VLDRB.S32 widens, VMUL + VADD accumulate), and
 *       requantization on the four lanes: VQRDMULH is gemmlowp's rounding doubling high multiply, and VRSHL of
 *       h − [h < 0] is its rounding right shift, half away from zero (see cm_simd.h).
 *   otherwise: plain C.
 *   DSP, 3×3 filter, requantization in its fast form and the whole int8 range: the pixels of a row whose windows
 *       lie inside the image go to tinyml_cm_dw3x3_run, which loads each tap's weights pre-widened (once per group
 *       of four channels) with one LDM.
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

/* Channels c .. c + 3 of one pixel (depth multiplier 1). */
CM_INLINE void dw_channels4(const tinyml_depthwise_conv_s8_params *p, const dw_window *win, const int32_t *bias,
                            const dw_group *g, int32_t c, int8_t *out)
{
    const int32_t depth = p->input_depth;
    const int8_t *xr = win->x + c;
    const int8_t *wr = win->w + c;
#if CM_MVE
    int32x4_t acc = bias ? vldrwq_s32(bias + c) : vdupq_n_s32(0);
    for (int32_t fy = 0; fy < win->rows; fy++, xr += win->x_row, wr += win->w_row) {
        const int8_t *x = xr;
        const int8_t *w = wr;
        for (int32_t fx = win->cols; fx > 0; fx--, x += depth, w += depth) {
            acc = vaddq_s32(acc, vmulq_s32(vaddq_n_s32(vldrbq_s32(x), p->input_offset), vldrbq_s32(w)));
        }
    }
    const int32x4_t shift = vldrwq_s32(p->output_shift + c);
    const int32x4_t zero = vdupq_n_s32(0);
    const int32x4_t left = vmaxq_s32(shift, zero);
    const int32x4_t right = vminq_s32(shift, zero); /* minus the right shift, as VRSHL wants it */
    int32x4_t h = vqrdmulhq_s32(vshlq_s32(acc, left), vldrwq_s32(p->output_multiplier + c));
    h = vaddq_m_s32(h, h, vshrq_n_s32(h, 31), vcmpltq_n_s32(right, 0));
    int32x4_t v = vaddq_n_s32(vrshlq_s32(h, right), p->output_offset);
    v = vminq_s32(vmaxq_s32(v, vdupq_n_s32(p->activation_min)), vdupq_n_s32(p->activation_max));
    vstrbq_s32(out + c, v);
    (void)g;
#else
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
#endif
}

#if CM_DSP && !CM_MVE
/* A run of output pixels whose 3×3 windows lie wholly inside the image, four channels each: what
 * tinyml_cm_dw3x3_run reads (offsets fixed in its assembly) and updates (x, out, pixels). */
typedef struct {
    const int8_t *x;        /*  0: the first tap of the first pixel, channel c */
    int8_t *out;            /*  4: its output, channel c */
    int32_t pixels;         /*  8: at least 1 */
    int32_t x_step;         /* 12: bytes from one pixel's window to the next */
    int32_t out_step;       /* 16 */
    int32_t depth;          /* 20: bytes from one tap to the next along a row */
    int32_t x_row;          /* 24: bytes from one input row to the next */
    uint32_t pair;          /* 28: the input offset in both int16 lanes */
    const int32_t *wide;    /* 32: per tap, the weights of channels (0, 2) and (1, 3) as int16 pairs */
    int32_t bias[4];        /* 36 */
    int32_t multiplier[4];  /* 52 */
    int32_t add[4];         /* 68: cm_double_fast_add */
    int32_t right[4];       /* 84 */
} dw_run;

/* For each pixel of the run: the nine taps of dw_tap4 with the weights widened beforehand (one LDM per tap), then
 * cm_requant_double_fast and SSAT of the four channels. In assembly because the taps need fourteen registers (four
 * accumulators, the word of input and its widened half, two widened weights, the offset pair, three pointers and
 * two strides). About 120 instructions per pixel and four channels. */
void tinyml_cm_dw3x3_run(dw_run *run);
__asm__(
    "   .syntax unified\n"
    "   .thumb\n"
    "   .pushsection .text.tinyml_cm_dw3x3_run,\"ax\",%progbits\n"
    "   .global tinyml_cm_dw3x3_run\n"
    "   .type tinyml_cm_dw3x3_run, %function\n"
    "   .thumb_func\n"
    "   .balign 4\n"
    "tinyml_cm_dw3x3_run:\n"
    "   push {r4-r11, lr}\n"
    "   mov lr, r0\n"
    "   ldr r8, [lr, #28]\n"
    "   ldr r11, [lr, #20]\n"
    "   ldr r12, [lr, #24]\n"
    "1:\n"
    "   add r0, lr, #36\n"
    "   ldm r0, {r0-r3}\n"
    "   ldr r9, [lr, #0]\n"
    "   ldr r10, [lr, #32]\n"
#define DW_TAP(address)                  \
    "   ldr r4, " address "\n"           \
    "   ldm r10!, {r6, r7}\n"            \
    "   sxtab16 r5, r8, r4\n"            \
    "   sxtab16 r4, r8, r4, ror #8\n"    \
    "   smlabb r0, r5, r6, r0\n"         \
    "   smlatt r2, r5, r6, r2\n"         \
    "   smlabb r1, r4, r7, r1\n"         \
    "   smlatt r3, r4, r7, r3\n"
#define DW_ROW DW_TAP("[r9]") DW_TAP("[r9, r11]") DW_TAP("[r9, r11, lsl #1]")
    DW_ROW
    "   add r9, r9, r12\n"
    DW_ROW
    "   add r9, r9, r12\n"
    DW_ROW
#undef DW_ROW
#undef DW_TAP
    "   add r4, lr, #52\n"
    "   ldm r4, {r4-r7}\n"
    "   lsls r0, r0, #1\n"
    "   smmulr r0, r0, r4\n"
    "   lsls r1, r1, #1\n"
    "   smmulr r1, r1, r5\n"
    "   lsls r2, r2, #1\n"
    "   smmulr r2, r2, r6\n"
    "   lsls r3, r3, #1\n"
    "   smmulr r3, r3, r7\n"
    "   add r0, r0, r0, asr #31\n"
    "   add r1, r1, r1, asr #31\n"
    "   add r2, r2, r2, asr #31\n"
    "   add r3, r3, r3, asr #31\n"
    "   add r4, lr, #68\n"
    "   ldm r4, {r4-r7}\n"
    "   add r0, r0, r4\n"
    "   add r1, r1, r5\n"
    "   add r2, r2, r6\n"
    "   add r3, r3, r7\n"
    "   add r4, lr, #84\n"
    "   ldm r4, {r4-r7}\n"
    "   asr r0, r0, r4\n"
    "   asr r1, r1, r5\n"
    "   asr r2, r2, r6\n"
    "   asr r3, r3, r7\n"
    "   ssat r0, #8, r0\n"
    "   ssat r1, #8, r1\n"
    "   ssat r2, #8, r2\n"
    "   ssat r3, #8, r3\n"
    "   ldm lr, {r4-r7}\n" /* x, out, pixels, x_step */
    "   strb r0, [r5]\n"
    "   strb r1, [r5, #1]\n"
    "   strb r2, [r5, #2]\n"
    "   strb r3, [r5, #3]\n"
    "   ldr r0, [lr, #16]\n"
    "   add r4, r4, r7\n"
    "   add r5, r5, r0\n"
    "   subs r6, r6, #1\n"
    "   stm lr, {r4-r6}\n"
    "   bne 1b\n"
    "   pop {r4-r11, pc}\n"
    "   .size tinyml_cm_dw3x3_run, . - tinyml_cm_dw3x3_run\n"
    "   .popsection\n");

/* Prepares a run for channels c .. c + 3 of a 3×3 filter: the group's requantization and the widened weights. */
CM_INLINE void dw_run_prepare(const tinyml_depthwise_conv_s8_params *p, const int8_t *filter, const int32_t *bias,
                              const dw_group *g, int32_t c, int32_t wide[18], dw_run *run)
{
    for (int32_t t = 0; t < 9; t++) {
        const uint32_t wv = cm_read32(filter + t * p->output_depth + c);
        wide[2 * t] = __sxtb16(wv);
        wide[2 * t + 1] = cm_sxtb16_ror8(wv);
    }
    run->x_step = p->stride_width * p->input_depth;
    run->out_step = p->output_depth;
    run->depth = p->input_depth;
    run->x_row = p->input_width * p->input_depth;
    run->pair = cm_pair(p->input_offset);
    run->wide = wide;
    for (int32_t j = 0; j < 4; j++) {
        run->bias[j] = bias ? bias[c + j] : 0;
        run->multiplier[j] = g->multiplier[j];
        run->add[j] = g->add[j];
        run->right[j] = g->right[j];
    }
}
#endif

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

static void __attribute__((noinline)) dw_one_by_one(const tinyml_depthwise_conv_s8_params *p, const int8_t *input,
                                                    const int8_t *filter, const int32_t *bias, int8_t *output)
{
    dw_all(p, input, filter, bias, output, 0);
}

void tinyml_depthwise_conv_s8(const tinyml_depthwise_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                              const int32_t *bias, int8_t *output)
{
    /* Side by side needs channel c to read channel c, and (DSP) the offset in int16 lanes. */
    if (p->depth_multiplier == 1 && cm_offset_fits_int16(p->input_offset) &&
        p->activation_min <= p->activation_max) {
        dw_side_by_side(p, input, filter, bias, output);
    } else {
        dw_one_by_one(p, input, filter, bias, output);
    }
}
