/*
 * CONV_2D on Helium (M55) by blocks of four output pixels: part of ../conv.c, which includes it when cm_simd.h finds
 * MVE and takes conv_blocks_direct (1×1 filters without padding, any stride: each pixel's K bytes are its input
 * pixel) and conv_blocks_gathered (patches of K <= CONV_BLOCK_K_MAX gathered, im2col, with the zero point where
 * a tap is outside the image) from here.
 *
 * The four pixels' rows of K bytes times one filter row is one tail-predicated loop (WLSTP/LETP: no scalar tail
 * and no predicate set-up per vector): a vector of weights, loaded once, meets each pixel's 16 bytes in a
 * VMLADAVA, 10 instructions per 64 multiply-accumulates. The input offset is taken out of the loop:
 * Σ (x + offset)·w = Σ x·w + offset·Σ w, and bias + offset·Σ w is prepared once per output channel (padding holds
 * the zero point x = −offset, so it adds nothing either way). The four sums are then one vector, requantized in
 * its lanes (the single rounding of cm_simd.h: VMULH is SMMLA's high half, VSHL by a negative register its
 * arithmetic shift) and stored with one scatter, output_depth bytes apart.
 */
#ifndef TINYML_CORTEX_M_MVE_CONV_BLOCKS_H
#define TINYML_CORTEX_M_MVE_CONV_BLOCKS_H

/* The largest patch gathered: a 3×3 filter over 64 channels (ResNet-8's last stack). */
#define CONV_BLOCK_K_MAX 576
/* Output channels whose constants are prepared at a time (on the stack). */
#define CONV_BLOCK_CHANNELS 32

/* The gathered patches of one block, in .bss: with 2 KiB of stack for the whole firmware they cannot be local. */
static int8_t conv_block_cols[4 * CONV_BLOCK_K_MAX];

/* The requantization of one output channel, read together once per block. */
typedef struct {
    int32_t base;       /* bias + input_offset·Σ w */
    int32_t multiplier;
    int32_t add;        /* cm_single_fast_add, where cm_single_fast_ok */
    int32_t vshl;       /* 1 + shift: VSHL's negative amount for the arithmetic right shift */
    int32_t shift;
} conv_block_channel;

/* Up to CONV_BLOCK_CHANNELS output channels. */
typedef struct {
    conv_block_channel ch[CONV_BLOCK_CHANNELS];
    int fast; /* every channel takes cm_single_fast_ok's form */
} conv_block_channels;

/* Σ of a filter row's k weights. */
CM_INLINE int32_t conv_block_weight_sum(const int8_t *w, int32_t k)
{
    int32_t sum = 0;
    for (int32_t left = k; left > 0; left -= 16, w += 16) {
        sum = vaddvaq_p_s8(sum, vldrbq_z_s8(w, vctp8q((uint32_t)left)), vctp8q((uint32_t)left));
    }
    return sum;
}

CM_INLINE void conv_block_prepare(const tinyml_conv_s8_params *p, const int8_t *filter, const int32_t *bias,
                                  int32_t k, int32_t oc, int32_t count, conv_block_channels *c)
{
    c->fast = 1;
    for (int32_t j = 0; j < count; j++) {
        const int32_t ch = oc + j;
        const int32_t shift = p->output_shift[ch];
        conv_block_channel *q = &c->ch[j];
        q->base = (bias ? bias[ch] : 0) + p->input_offset * conv_block_weight_sum(filter + ch * k, k);
        q->multiplier = p->output_multiplier[ch];
        q->shift = shift;
        q->vshl = 1 + shift;
        c->fast = c->fast && cm_single_fast_ok(shift, p->output_offset);
        q->add = cm_single_fast_ok(shift, p->output_offset) ? cm_single_fast_add(shift, p->output_offset) : 0;
    }
}

/* Σ_{k<n} x_i[k]·w[k] for the four rows x_i, as the lanes of a vector. */
CM_INLINE int32x4_t conv_block_dot(const int8_t *const x[4], const int8_t *w, int32_t n)
{
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int32x4_t v;
    const int8_t *x0 = x[0], *x1 = x[1], *x2 = x[2], *x3 = x[3];
    __asm__ volatile("wlstp.8 lr, %[n], 2f\n"
                     "1:\n\t"
                     "vldrb.8 q0, [%[w]], #16\n\t"
                     "vldrb.8 q1, [%[x0]], #16\n\t"
                     "vmladava.s8 %[a0], q1, q0\n\t"
                     "vldrb.8 q2, [%[x1]], #16\n\t"
                     "vmladava.s8 %[a1], q2, q0\n\t"
                     "vldrb.8 q1, [%[x2]], #16\n\t"
                     "vmladava.s8 %[a2], q1, q0\n\t"
                     "vldrb.8 q2, [%[x3]], #16\n\t"
                     "vmladava.s8 %[a3], q2, q0\n\t"
                     "letp lr, 1b\n"
                     "2:\n\t"
                     "vmov %q[v][2], %q[v][0], %[a0], %[a2]\n\t"
                     "vmov %q[v][3], %q[v][1], %[a1], %[a3]"
                     : [v] "=w"(v), [a0] "+Te"(a0), [a1] "+Te"(a1), [a2] "+Te"(a2), [a3] "+Te"(a3), [x0] "+r"(x0),
                       [x1] "+r"(x1), [x2] "+r"(x2), [x3] "+r"(x3), [w] "+r"(w)
                     : [n] "r"(n)
                     : "q0", "q1", "q2", "lr", "memory");
    return v;
}

/* Output channel q for the block's pixels (lanes < pixels; all four where full), offsets apart from out. */
CM_INLINE void conv_block_store(const tinyml_conv_s8_params *p, const conv_block_channel *q, int32x4_t acc,
                                int8_t *out, uint32x4_t offsets, mve_pred16_t pixels, const int fast, const int full)
{
    acc = vaddq_n_s32(acc, q->base);
    int32x4_t v;
    if (fast) {
        v = vmulhq_s32(acc, vdupq_n_s32(q->multiplier));
        v = vshlq_r_s32(vaddq_n_s32(v, q->add), q->vshl);
    } else {
        int32_t lane[4];
        vst1q_s32(lane, acc);
        for (int32_t i = 0; i < 4; i++) {
            lane[i] = tinyml_multiply_by_quantized_multiplier(lane[i], q->multiplier, q->shift) + p->output_offset;
        }
        v = vld1q_s32(lane);
    }
    v = vminq_s32(vmaxq_s32(v, vdupq_n_s32(p->activation_min)), vdupq_n_s32(p->activation_max));
    if (full) {
        vstrbq_scatter_offset_s32(out, offsets, v);
    } else {
        vstrbq_scatter_offset_p_s32(out, offsets, v, pixels);
    }
}

/* Every output channel of the prepared ones for one block of pixels x (fast, full: as conv_block_store). */
CM_INLINE void conv_block_channels_of(const tinyml_conv_s8_params *p, const conv_block_channels *c, int32_t count,
                                      const int8_t *const x[4], const int8_t *w, int32_t k, int8_t *out,
                                      uint32x4_t offsets, mve_pred16_t pixels, const int fast, const int full)
{
    const conv_block_channel *q = c->ch;
    for (const conv_block_channel *const end = q + count; q != end; q++, w += k, out++) {
        conv_block_store(p, q, conv_block_dot(x, w, k), out, offsets, pixels, fast, full);
    }
}

/* Every output pixel, four at a time; gathered: the patches go through conv_block_cols, else each pixel's K bytes
 * are read where they are (1×1 filter, no padding). */
CM_INLINE void conv_blocks(const tinyml_conv_s8_params *params, const int8_t *input, const int8_t *filter,
                           const int32_t *bias, int8_t *output, const int gathered)
{
    const tinyml_conv_s8_params p = *params;
    const int32_t k = p.filter_height * p.filter_width * p.input_depth;
    const int32_t pixels = p.batches * p.output_height * p.output_width;
    const uint32x4_t offsets = vmulq_n_u32(vidupq_n_u32(0, 1), (uint32_t)p.output_depth);
    conv_block_channels c;
    for (int32_t oc = 0; oc < p.output_depth; oc += CONV_BLOCK_CHANNELS) {
        const int32_t count = p.output_depth - oc < CONV_BLOCK_CHANNELS ? p.output_depth - oc : CONV_BLOCK_CHANNELS;
        conv_block_prepare(&p, filter, bias, k, oc, count, &c);
        conv_pixel px = {0, 0, 0};
        int8_t *out = output + oc;
        for (int32_t done = 0; done < pixels; done += 4, out += 4 * p.output_depth) {
            const int32_t n = pixels - done < 4 ? pixels - done : 4;
            const int8_t *x[4];
            for (int32_t i = 0; i < 4; i++) {
                if (i >= n) {
                    x[i] = x[0];
                    continue;
                }
                conv_window win;
                conv_window_next(&p, input, &px, &win);
                if (gathered) {
                    conv_gather(&p, &win, conv_block_cols + i * k);
                    x[i] = conv_block_cols + i * k;
                } else {
                    x[i] = win.x;
                }
            }
            const mve_pred16_t lanes = vctp32q((uint32_t)n);
            const int8_t *w = filter + oc * k;
            if (c.fast && n == 4) {
                conv_block_channels_of(&p, &c, count, x, w, k, out, offsets, lanes, 1, 1);
            } else {
                conv_block_channels_of(&p, &c, count, x, w, k, out, offsets, lanes, c.fast, 0);
            }
        }
    }
}

static void __attribute__((noinline)) conv_blocks_direct(const tinyml_conv_s8_params *p, const int8_t *input,
                                                         const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_blocks(p, input, filter, bias, output, 0);
}

static void __attribute__((noinline)) conv_blocks_gathered(const tinyml_conv_s8_params *p, const int8_t *input,
                                                           const int8_t *filter, const int32_t *bias, int8_t *output)
{
    conv_blocks(p, input, filter, bias, output, 1);
}

#endif
