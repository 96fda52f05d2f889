/*
 * DEPTHWISE_CONV_2D on Helium (M55): part of ../depthwise_conv.c, which includes it when cm_simd.h finds MVE, in
 * place of its DSP/plain-C dw_channels4, and takes dw_strips for depth multiplier 1.
 *
 * Four channels per vector of int32 lanes (VLDRB.S32 widens, VMUL + VADD accumulate: Helium has no vector-by-vector
 * multiply-accumulate into wider lanes). dw_strips copies, for 16 channels at a time, the filter_height input rows
 * an output row reads into strips of .bss, 16 bytes per pixel, the padding filled with the input zero point
 * (x + input_offset = 0 there), so that every output pixel's window is whole and lies at a fixed distance from its
 * neighbour's: input_offset·Σ w is then folded into the bias once per group of four channels for every pixel,
 * edges included, and four pixels share each tap's weights with all their loads at constant offsets from one
 * pointer per filter row. The strips are a ring: each input row is copied once per 16 channels.
 *
 * Requantization on the four lanes: VQRDMULH is gemmlowp's rounding doubling high multiply, and VRSHL of
 * h − [h < 0] is its rounding right shift, half away from zero (see cm_simd.h).
 */
#ifndef TINYML_CORTEX_M_MVE_DEPTHWISE_CONV_H
#define TINYML_CORTEX_M_MVE_DEPTHWISE_CONV_H

/* Requantizes channels c .. c + 3 of one pixel into out + c, any shift. */
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

/* ---- strips ------------------------------------------------------------------------------------------------ */

/* Channels per strip pixel. */
#define DW_STRIP_LANES 16
/* Three strips of 50 pixels: the 48-wide layers of VWW and person_detect with their padding. */
#define DW_STRIP_BYTES 2400
/* Filters of up to 5×5. */
#define DW_STRIP_TAPS 25
#define DW_STRIP_ROWS 5

/* In .bss: the firmware's 2 KiB of stack are for every kernel's locals. */
static int8_t dw_strip[DW_STRIP_BYTES] __attribute__((aligned(16)));
static int8_t dw_strip_weights[DW_STRIP_TAPS * DW_STRIP_LANES] __attribute__((aligned(16)));

/* One group of four channels: what its pixels share. */
typedef struct {
    int32x4_t base;       /* bias + input_offset·Σ w */
    int32x4_t multiplier;
    int32x4_t right;      /* the shifts, VRSHL's amounts */
    int shifts_right;     /* every shift is a right shift by 1 .. 31, the only ones dw_strip_store takes */
} dw_lanes;

/* Strip pixels of an output row: those its windows cover. */
CM_INLINE int32_t dw_strip_width(const tinyml_depthwise_conv_s8_params *p)
{
    return (p->output_width - 1) * p->stride_width + p->filter_width;
}

/* Whether dw_strips takes the layer. */
CM_INLINE int dw_strips_fit(const tinyml_depthwise_conv_s8_params *p)
{
    return p->depth_multiplier == 1 && p->input_depth >= 4 && p->input_offset >= -127 && p->input_offset <= 128 &&
           p->filter_height <= DW_STRIP_ROWS && p->filter_width * p->filter_height <= DW_STRIP_TAPS &&
           p->filter_height * dw_strip_width(p) * DW_STRIP_LANES <= DW_STRIP_BYTES;
}

CM_INLINE void dw_lanes_prepare(const tinyml_depthwise_conv_s8_params *p, const int32_t *bias, int32_t c,
                                const int8_t *w, int32_t taps, dw_lanes *l)
{
    int32x4_t sum = vdupq_n_s32(0);
    for (int32_t t = 0; t < taps; t++, w += DW_STRIP_LANES) {
        sum = vaddq_s32(sum, vldrbq_s32(w));
    }
    l->base = vmlaq_n_s32(bias ? vldrwq_s32(bias + c) : vdupq_n_s32(0), sum, p->input_offset);
    l->multiplier = vldrwq_s32(p->output_multiplier + c);
    const int32x4_t shift = vldrwq_s32(p->output_shift + c);
    l->right = shift;
    l->shifts_right = vcmpltq_n_s32(shift, 0) == 0xFFFF && vcmpgeq_n_s32(shift, -31) == 0xFFFF;
}

/* One input row's channels c .. c + 15 (lanes of them) across the strip, the zero point outside the image. */
CM_INLINE void dw_strip_fill(const tinyml_depthwise_conv_s8_params *p, const int8_t *image, int32_t iy, int32_t c,
                             mve_pred16_t lanes, int32_t width, int8_t *dst)
{
    const int8x16_t zero = vdupq_n_s8((int8_t)-p->input_offset);
    int32_t j = 0;
    if (iy >= 0 && iy < p->input_height) {
        const int32_t first = p->pad_width < width ? p->pad_width : width;
        const int32_t end = p->pad_width + p->input_width < width ? p->pad_width + p->input_width : width;
        for (; j < first; j++) {
            vstrbq_s8(dst + j * DW_STRIP_LANES, zero);
        }
        const int8_t *src = image + (iy * p->input_width + j - p->pad_width) * p->input_depth + c;
        if (lanes == 0xFFFF) {
            for (; j < end; j++, src += p->input_depth) {
                vstrbq_s8(dst + j * DW_STRIP_LANES, vldrbq_s8(src));
            }
        }
        for (; j < end; j++, src += p->input_depth) {
            vstrbq_s8(dst + j * DW_STRIP_LANES, vldrbq_z_s8(src, lanes));
        }
    }
    for (; j < width; j++) {
        vstrbq_s8(dst + j * DW_STRIP_LANES, zero);
    }
}

/* What every output of a group's row shares in its requantization, in locals: the asm below clobbers memory. */
typedef struct {
    int32x4_t multiplier;
    int32x4_t right;
    int32x4_t low;
    int32x4_t high;
    int32_t offset;
} dw_requant4;

CM_INLINE dw_requant4 dw_requant4_of(const tinyml_depthwise_conv_s8_params *p, const dw_lanes *l)
{
    const dw_requant4 q = {l->multiplier, l->right, vdupq_n_s32(p->activation_min), vdupq_n_s32(p->activation_max),
                           p->output_offset};
    return q;
}

CM_INLINE void dw_strip_store(const dw_requant4 *q, int32x4_t acc, int8_t *out)
{
    int32x4_t h = vqrdmulhq_s32(acc, q->multiplier);
    h = vaddq_s32(h, vshrq_n_s32(h, 31));
    const int32x4_t v = vaddq_n_s32(vrshlq_s32(h, q->right), q->offset);
    vstrbq_s32(out, vminq_s32(vmaxq_s32(v, q->low), q->high));
}

/* n (1 or 4) output pixels of a group, `step` strip bytes apart: rows[fy] + at is the first one's window in strip
 * row fy (its group's lanes), w the group's weights, out its output. */
CM_INLINE void dw_strip_unit(const tinyml_depthwise_conv_s8_params *p, const int8_t *const *rows, int32_t at,
                             const int8_t *w, const dw_lanes *l, const dw_requant4 *q, int8_t *out, const int n)
{
    const int32_t step = p->stride_width * DW_STRIP_LANES;
    int32x4_t a0 = l->base, a1 = l->base, a2 = l->base, a3 = l->base;
    for (int32_t fy = 0; fy < p->filter_height; fy++) {
        const int8_t *r = rows[fy] + at;
        for (int32_t fx = 0; fx < p->filter_width; fx++, r += DW_STRIP_LANES, w += DW_STRIP_LANES) {
            const int32x4_t wv = vldrbq_s32(w);
            a0 = vaddq_s32(a0, vmulq_s32(vldrbq_s32(r), wv));
            if (n == 4) {
                a1 = vaddq_s32(a1, vmulq_s32(vldrbq_s32(r + step), wv));
                a2 = vaddq_s32(a2, vmulq_s32(vldrbq_s32(r + 2 * step), wv));
                a3 = vaddq_s32(a3, vmulq_s32(vldrbq_s32(r + 3 * step), wv));
            }
        }
    }
    const int32_t depth = p->output_depth;
    dw_strip_store(q, a0, out);
    if (n == 4) {
        dw_strip_store(q, a1, out + depth);
        dw_strip_store(q, a2, out + 2 * depth);
        dw_strip_store(q, a3, out + 3 * depth);
    }
}

/* Any filter, each group's row: four pixels at a time, then one. */
static void __attribute__((noinline)) dw_strip_row_any(const tinyml_depthwise_conv_s8_params *p,
                                                       const int8_t *const *rows, const dw_lanes *l, int32_t groups,
                                                       int8_t *out)
{
    const int32_t step = p->stride_width * DW_STRIP_LANES;
    const int32_t depth = p->output_depth;
    for (int32_t g = 0; g < groups; g++, out += 4) {
        if (!l[g].shifts_right) {
            continue;
        }
        const dw_requant4 q = dw_requant4_of(p, &l[g]);
        const int8_t *group_rows[DW_STRIP_ROWS];
        for (int32_t fy = 0; fy < p->filter_height; fy++) {
            group_rows[fy] = rows[fy] + 4 * g;
        }
        const int8_t *w = dw_strip_weights + 4 * g;
        int8_t *o = out;
        int32_t x = 0;
        for (; x + 4 <= p->output_width; x += 4, o += 4 * depth) {
            dw_strip_unit(p, group_rows, x * step, w, &l[g], &q, o, 4);
        }
        for (; x < p->output_width; x++, o += depth) {
            dw_strip_unit(p, group_rows, x * step, w, &l[g], &q, o, 1);
        }
    }
}

/* Tap T = 3·FY + FX of a 3×3 filter for the pixels of a unit, S (1 or 2) strip pixels apart, in the asm below: the
 * row's pointer is the first pixel's middle tap, the weights' pointer the middle tap's, so that every offset fits
 * VLDRB's seven bits. Written out because GCC, given the same in intrinsics, computes the products of all nine
 * taps before adding any and spills them to the stack. */
#define DW_X(I, FX, S, A) \
    "vldrb.s32 q1, [%[r], #((" #I "*" #S "+" #FX "-1)*16)]\n\t" \
    "vmul.i32 q1, q1, q0\n\t" \
    "vadd.i32 %q[" #A "], %q[" #A "], q1\n\t"
#define DW_W(T) "vldrb.s32 q0, [%[w], #((" #T "-4)*16)]\n\t"
#define DW_TAP4(FY, FX, S) \
    DW_W(3 * FY + FX) DW_X(0, FX, S, a0) DW_X(1, FX, S, a1) DW_X(2, FX, S, a2) DW_X(3, FX, S, a3)
#define DW_TAP1(FY, FX) DW_W(3 * FY + FX) DW_X(0, FX, 1, a0)

/* Filter row FY for four pixels or one; VLDRB.S32 takes only low registers ("l"). */
#define DW_ROW4(S, FY, X, W, A0, A1, A2, A3) \
    __asm__(DW_TAP4(FY, 0, S) DW_TAP4(FY, 1, S) DW_TAP4(FY, 2, S) \
            : [a0] "+w"(A0), [a1] "+w"(A1), [a2] "+w"(A2), [a3] "+w"(A3) \
            : [r] "l"(X), [w] "l"(W) \
            : "q0", "q1", "memory")
#define DW_ROW1(FY, X, W, A0) \
    __asm__(DW_TAP1(FY, 0) DW_TAP1(FY, 1) DW_TAP1(FY, 2) : [a0] "+w"(A0) : [r] "l"(X), [w] "l"(W) : "q0", "q1", "memory")

/* A 3×3 filter with stride s (1 or 2), each group's row: four pixels at a time, then one, every load at a constant
 * offset. */
CM_INLINE void dw_strip_row3x3(const tinyml_depthwise_conv_s8_params *p, const int8_t *const *rows, const dw_lanes *l,
                               int32_t groups, int8_t *out, const int s)
{
    const int32_t width = p->output_width;
    const int32_t depth = p->output_depth;
    for (int32_t g = 0; g < groups; g++, out += 4) {
        if (!l[g].shifts_right) {
            continue;
        }
        const dw_requant4 q = dw_requant4_of(p, &l[g]);
        const int32x4_t base = l[g].base;
        const int8_t *const wc = dw_strip_weights + 4 * DW_STRIP_LANES + 4 * g;
        const int8_t *r0 = rows[0] + DW_STRIP_LANES + 4 * g;
        const int8_t *r1 = rows[1] + DW_STRIP_LANES + 4 * g;
        const int8_t *r2 = rows[2] + DW_STRIP_LANES + 4 * g;
        int8_t *o = out;
        int32_t x = 0;
        for (; x + 4 <= width; x += 4, o += 4 * depth) {
            int32x4_t a0 = base, a1 = base, a2 = base, a3 = base;
            if (s == 1) {
                DW_ROW4(1, 0, r0, wc, a0, a1, a2, a3);
                DW_ROW4(1, 1, r1, wc, a0, a1, a2, a3);
                DW_ROW4(1, 2, r2, wc, a0, a1, a2, a3);
            } else {
                DW_ROW4(2, 0, r0, wc, a0, a1, a2, a3);
                DW_ROW4(2, 1, r1, wc, a0, a1, a2, a3);
                DW_ROW4(2, 2, r2, wc, a0, a1, a2, a3);
            }
            r0 += 4 * s * DW_STRIP_LANES;
            r1 += 4 * s * DW_STRIP_LANES;
            r2 += 4 * s * DW_STRIP_LANES;
            dw_strip_store(&q, a0, o);
            dw_strip_store(&q, a1, o + depth);
            dw_strip_store(&q, a2, o + 2 * depth);
            dw_strip_store(&q, a3, o + 3 * depth);
        }
        for (; x < width; x++, o += depth) {
            int32x4_t a0 = base;
            DW_ROW1(0, r0, wc, a0);
            DW_ROW1(1, r1, wc, a0);
            DW_ROW1(2, r2, wc, a0);
            r0 += s * DW_STRIP_LANES;
            r1 += s * DW_STRIP_LANES;
            r2 += s * DW_STRIP_LANES;
            dw_strip_store(&q, a0, o);
        }
    }
}

static void __attribute__((noinline)) dw_strip_row_3x3_s1(const tinyml_depthwise_conv_s8_params *p,
                                                          const int8_t *const *rows, const dw_lanes *l,
                                                          int32_t groups, int8_t *out)
{
    dw_strip_row3x3(p, rows, l, groups, out, 1);
}

static void __attribute__((noinline)) dw_strip_row_3x3_s2(const tinyml_depthwise_conv_s8_params *p,
                                                          const int8_t *const *rows, const dw_lanes *l,
                                                          int32_t groups, int8_t *out)
{
    dw_strip_row3x3(p, rows, l, groups, out, 2);
}

/* Every output of channels c .. c + 15 (lanes of them, a multiple of four) whose group dw_strip_store requantizes;
 * returns the others' groups, bit g for channels c + 4g .. c + 4g + 3. */
CM_INLINE uint32_t dw_strip_channels(const tinyml_depthwise_conv_s8_params *p, const int8_t *input, const int8_t *filter,
                                 const int32_t *bias, int8_t *output, int32_t c, int32_t lanes)
{
    const int32_t taps = p->filter_height * p->filter_width;
    const mve_pred16_t lane_mask = vctp8q((uint32_t)lanes);
    for (int32_t t = 0; t < taps; t++) {
        vstrbq_s8(dw_strip_weights + t * DW_STRIP_LANES, vldrbq_z_s8(filter + t * p->output_depth + c, lane_mask));
    }
    const int32_t groups = lanes >> 2;
    dw_lanes l[DW_STRIP_LANES / 4];
    for (int32_t g = 0; g < groups; g++) {
        dw_lanes_prepare(p, bias, c + 4 * g, dw_strip_weights + 4 * g, taps, &l[g]);
    }
    const int32_t width = dw_strip_width(p);
    const int32_t strip_bytes = width * DW_STRIP_LANES;
    const int32_t kh = p->filter_height;
    const int is3x3 = p->filter_height == 3 && p->filter_width == 3;
    for (int32_t b = 0; b < p->batches; b++) {
        const int8_t *image = input + b * p->input_height * p->input_width * p->input_depth;
        /* Strip (iy + pad_height) mod kh holds input row iy, for iy < loaded. */
        int32_t loaded = -p->pad_height;
        for (int32_t y = 0; y < p->output_height; y++) {
            const int32_t iy0 = y * p->stride_height - p->pad_height;
            if (loaded < iy0) {
                loaded = iy0;
            }
            for (; loaded < iy0 + kh; loaded++) {
                dw_strip_fill(p, image, loaded, c, lane_mask, width,
                              dw_strip + ((loaded + p->pad_height) % kh) * strip_bytes);
            }
            const int8_t *rows[DW_STRIP_ROWS];
            for (int32_t fy = 0; fy < kh; fy++) {
                rows[fy] = dw_strip + ((iy0 + fy + p->pad_height) % kh) * strip_bytes;
            }
            int8_t *out = output + (b * p->output_height + y) * p->output_width * p->output_depth + c;
            if (is3x3 && p->stride_width == 1) {
                dw_strip_row_3x3_s1(p, rows, l, groups, out);
            } else if (is3x3 && p->stride_width == 2) {
                dw_strip_row_3x3_s2(p, rows, l, groups, out);
            } else {
                dw_strip_row_any(p, rows, l, groups, out);
            }
        }
    }
    uint32_t others = 0;
    for (int32_t g = 0; g < groups; g++) {
        others |= l[g].shifts_right ? 0u : 1u << g;
    }
    return others;
}

#endif
