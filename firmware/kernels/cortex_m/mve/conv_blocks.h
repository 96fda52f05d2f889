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
 *
 * Full blocks whose channels all take that fast form and come in pairs go through conv_block_pairs instead: the four
 * pixels' rows interleaved 16 bytes at a time, two filter rows at once, 16 instructions per 128
 * multiply-accumulates, the loop over the pairs and their requantization in one asm.
 */
#ifndef TINYML_CORTEX_M_MVE_CONV_BLOCKS_H
#define TINYML_CORTEX_M_MVE_CONV_BLOCKS_H

/* The largest patch gathered: a 3×3 filter over 64 channels (ResNet-8's last stack). */
#define CONV_BLOCK_K_MAX 576
/* Output channels whose constants are prepared at a time (on the stack). */
#define CONV_BLOCK_CHANNELS 32

/* In .bss, since the firmware has 2 KiB of stack in all: one block's gathered patches (or, for conv_block_pairs,
 * its four rows of input interleaved 16 bytes at a time), and one patch on its way there. */
static int8_t conv_block_cols[4 * CONV_BLOCK_K_MAX] __attribute__((aligned(16)));
static int8_t conv_block_patch[CONV_BLOCK_K_MAX];

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

/* Pixel i's k bytes into conv_block_cols for conv_block_pairs: 16 at a time, 64 bytes apart (the four pixels'
 * chunks side by side), the lanes past k zero. */
CM_INLINE void conv_block_interleave(const int8_t *x, int32_t k, int32_t i)
{
    int8_t *dst = conv_block_cols + 16 * i;
    for (int32_t left = k; left > 0; left -= 16, x += 16, dst += 64) {
        vstrbq_s8(dst, vldrbq_z_s8(x, vctp8q((uint32_t)left)));
    }
}

/* What conv_block_pairs reads from memory as it goes (the asm's offsets below follow this order). */
typedef struct {
    int32x4_t low;                /* 0: the clamp */
    int32x4_t high;               /* 16 */
    uint32x4_t offsets;           /* 32: lane i, pixel i */
    const int8_t *cols;           /* 48 */
    int32_t k;                    /* 52 */
    const conv_block_channel *q;  /* 56: the next pair's constants */
    int8_t *out;                  /* 60: the next pair's first output */
    int32_t pairs;                /* 64: pairs left */
} conv_block_pass;

/* A full block of four pixels (interleaved in conv_block_cols) times pairs of output channels, each pair's eight
 * dot products in eight registers at once: VMLADAVA takes even registers only (r0 .. r12 and lr, so the loops
 * count down registers of their own instead of LE), and per 16 bytes two loads of weights and four of input feed
 * eight VMLADAVA, where conv_block_dot's four rows load the weights once per four; loads and VMLADAVA alternate
 * where they can, so that the beats of the two overlap. The requantization is
 * conv_block_store's fast form. The last k mod 16 weights are loaded predicated (nothing past a row is read), P0
 * kept as GCC left it; the input past k is zero. The whole loop is one asm: with eight registers taken, C code
 * between the pairs spilled its every variable. */
CM_INLINE void conv_block_pairs(const tinyml_conv_s8_params *p, const conv_block_channels *c, int32_t pairs,
                                const int8_t *w, int32_t k, int8_t *out, uint32x4_t offsets)
{
    conv_block_pass pass = {vdupq_n_s32(p->activation_min), vdupq_n_s32(p->activation_max), offsets,
                            conv_block_cols, k, c->ch, out, pairs};
    register conv_block_pass *st __asm__("r1") = &pass;
    register const int8_t *w0 __asm__("r3") = w;
    register const int8_t *w1 __asm__("r5") = w + k;
    __asm__ volatile("vldrw.32 q5, [r1, #0]\n\t"
                     "vldrw.32 q6, [r1, #16]\n\t"
                     "vldrw.32 q7, [r1, #32]\n"
                     "4:\n\t"
                     "movs r0, #0\n\t"
                     "movs r2, #0\n\t"
                     "movs r4, #0\n\t"
                     "movs r6, #0\n\t"
                     "mov r8, r0\n\t"
                     "mov r10, r0\n\t"
                     "mov r12, r0\n\t"
                     "mov lr, r0\n\t"
                     "ldr r7, [r1, #48]\n\t"
                     "ldr r9, [r1, #52]\n\t"
                     "subs r9, #16\n\t"
                     "blt 2f\n"
                     "1:\n\t"
                     "vldrb.8 q0, [r3], #16\n\t"
                     "vldrb.8 q2, [r7], #64\n\t"
                     "vmladava.s8 r0, q2, q0\n\t"
                     "vldrb.8 q1, [r5], #16\n\t"
                     "vmladava.s8 r2, q2, q1\n\t"
                     "vldrb.8 q2, [r7, #-48]\n\t"
                     "vmladava.s8 r4, q2, q0\n\t"
                     "vmladava.s8 r6, q2, q1\n\t"
                     "vldrb.8 q2, [r7, #-32]\n\t"
                     "vmladava.s8 r8, q2, q0\n\t"
                     "vmladava.s8 r10, q2, q1\n\t"
                     "vldrb.8 q2, [r7, #-16]\n\t"
                     "vmladava.s8 r12, q2, q0\n\t"
                     "vmladava.s8 lr, q2, q1\n\t"
                     "subs r9, #16\n\t"
                     "bge 1b\n"
                     "2:\n\t"
                     "adds r9, #16\n\t"
                     "beq 3f\n\t"
                     "vmrs r11, p0\n\t"
                     "vctp.8 r9\n\t"
                     "vpstt\n\t"
                     "vldrbt.8 q0, [r3]\n\t"
                     "vldrbt.8 q1, [r5]\n\t"
                     "vmsr p0, r11\n\t"
                     "vldrb.8 q2, [r7]\n\t"
                     "vmladava.s8 r0, q2, q0\n\t"
                     "vmladava.s8 r2, q2, q1\n\t"
                     "vldrb.8 q2, [r7, #16]\n\t"
                     "vmladava.s8 r4, q2, q0\n\t"
                     "vmladava.s8 r6, q2, q1\n\t"
                     "vldrb.8 q2, [r7, #32]\n\t"
                     "vmladava.s8 r8, q2, q0\n\t"
                     "vmladava.s8 r10, q2, q1\n\t"
                     "vldrb.8 q2, [r7, #48]\n\t"
                     "vmladava.s8 r12, q2, q0\n\t"
                     "vmladava.s8 lr, q2, q1\n"
                     "3:\n\t"
                     /* the next pair's rows: the second row's end (before its last k mod 16 bytes) plus those */
                     "add r3, r5, r9\n\t"
                     "ldr r11, [r1, #52]\n\t"
                     "add r5, r3, r11\n\t"
                     "vmov q3[2], q3[0], r0, r8\n\t"
                     "vmov q3[3], q3[1], r4, r12\n\t"
                     "vmov q4[2], q4[0], r2, r10\n\t"
                     "vmov q4[3], q4[1], r6, lr\n\t"
                     "ldr r0, [r1, #56]\n\t"
                     "ldr r10, [r1, #60]\n\t"
                     "ldm r0!, {r2, r4, r6, r8}\n\t"
                     "adds r0, #4\n\t"
                     "vadd.i32 q3, q3, r2\n\t"
                     "vdup.32 q0, r4\n\t"
                     "vmulh.s32 q3, q3, q0\n\t"
                     "vadd.i32 q3, q3, r6\n\t"
                     "vshl.s32 q3, r8\n\t"
                     "vmax.s32 q3, q3, q5\n\t"
                     "vmin.s32 q3, q3, q6\n\t"
                     "vstrb.32 q3, [r10, q7]\n\t"
                     "ldm r0!, {r2, r4, r6, r8}\n\t"
                     "adds r0, #4\n\t"
                     "vadd.i32 q4, q4, r2\n\t"
                     "vdup.32 q0, r4\n\t"
                     "vmulh.s32 q4, q4, q0\n\t"
                     "vadd.i32 q4, q4, r6\n\t"
                     "vshl.s32 q4, r8\n\t"
                     "vmax.s32 q4, q4, q5\n\t"
                     "vmin.s32 q4, q4, q6\n\t"
                     "adds r12, r10, #1\n\t"
                     "vstrb.32 q4, [r12, q7]\n\t"
                     "str r0, [r1, #56]\n\t"
                     "adds r10, #2\n\t"
                     "str r10, [r1, #60]\n\t"
                     "ldr r0, [r1, #64]\n\t"
                     "subs r0, #1\n\t"
                     "str r0, [r1, #64]\n\t"
                     "bne 4b"
                     : "+r"(w0), "+r"(w1)
                     : "r"(st)
                     : "r0", "r2", "r4", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "lr", "q0", "q1", "q2", "q3",
                       "q4", "q5", "q6", "q7", "cc", "memory");
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
            const int8_t *w = filter + oc * k;
            if (c.fast && n == 4 && (count & 1) == 0) {
                for (int32_t i = 0; i < 4; i++) {
                    conv_window win;
                    conv_window_next(&p, input, &px, &win);
                    if (gathered) {
                        conv_gather(&p, &win, conv_block_patch);
                        conv_block_interleave(conv_block_patch, k, i);
                    } else {
                        conv_block_interleave(win.x, k, i);
                    }
                }
                conv_block_pairs(&p, &c, count / 2, w, k, out, offsets);
                continue;
            }
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
