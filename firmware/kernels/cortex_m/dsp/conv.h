/*
 * CONV_2D's widened-input paths for the DSP extension (M4, M7, M33): part of ../conv.c, which includes it when
 * cm_simd.h finds DSP but not Helium (the M55's VMLADAVA needs no widening) and takes conv_flat_wide and
 * conv_im2col_wide from here for 1×1 stride-1 convolutions and word-sized im2col rows. SXTAB16 widens each word of
 * input once, with the input offset added, into the stack; every output channel then reads the pair-interleaved
 * words with SMLAD, two channels times two pixels per pass (tinyml_cm_conv_dot_wide, in assembly).
 */
#ifndef TINYML_CORTEX_M_DSP_CONV_H
#define TINYML_CORTEX_M_DSP_CONV_H

/* Words of stack for widened input: 1 KB. */
#define CONV_WIDE_WORDS 256

/* Widened input is laid out per pixel pair: for each word of input (x0..x3), (x0, x2), (x1, x3) of the first pixel,
 * then of the second, with the input offset added. That is the order SXTB16 gives the weights, so the dot products
 * need no widening of input at all. This widens n bytes of one pixel (n a multiple of 4) into its half of the
 * pair's words (wide: the first pixel's, wide + 2: the second's) and returns where the next n bytes go. */
CM_INLINE uint32_t *conv_widen_pixel(uint32_t *wide, const int8_t *x, int32_t n, uint32_t pair)
{
    for (const int8_t *const end = x + n; x != end; x += 4) {
        const uint32_t v = cm_read32(x);
        wide = cm_store2_advance4(wide, (uint32_t)__sxtab16(pair, v), (uint32_t)cm_sxtab16_ror8(pair, v));
    }
    return wide;
}

/* conv_widen_pixel of n bytes equal to the input zero point. */
CM_INLINE uint32_t *conv_widen_zeros(uint32_t *wide, int32_t n)
{
    for (; n > 0; n -= 4, wide += 4) {
        wide[0] = 0;
        wide[1] = 0;
    }
    return wide;
}

/* conv_widen_pixel of rows (whole words each) straight from the input. Not inlined: the caller's loops leave too few
 * registers for these, and the spills per row cost more than the call (micro_speech on the M4: 317,000 instructions). */
static void __attribute__((noinline)) conv_widen_rows(uint32_t *wide, const int8_t *row, int32_t row_bytes, int32_t rows,
                                                      int32_t row_stride, uint32_t pair)
{
    for (; rows > 0; rows--, row += row_stride) {
        wide = conv_widen_pixel(wide, row, row_bytes, pair);
    }
}

/* Where pixel i of a block goes: pair i / 2 takes k words. */
CM_INLINE uint32_t *conv_wide_slot(uint32_t *wide, int32_t i, int32_t k)
{
    return wide + (i >> 1) * k + (i & 1) * 2;
}

/* acc + Σ x·w over one widened pixel (its slot) and one filter row of k weights, k a multiple of 4. */
CM_INLINE int32_t conv_dot_wide1(int32_t acc, const uint32_t *slot, const int8_t *w, int32_t k)
{
    for (const int8_t *const end = w + k; w != end; w += 4, slot += 4) {
        const uint32_t wv = cm_read32(w);
        acc = __smlad((int32_t)slot[0], __sxtb16(wv), acc);
        acc = __smlad((int32_t)slot[1], cm_sxtb16_ror8(wv), acc);
    }
    return acc;
}

/* a[pixel][row] += Σ x·w over one widened pixel pair and filter rows w, w + k, k a multiple of 4. Written in
 * assembly because the loop needs all fourteen registers (four accumulators, the pair's four widened words, a word
 * of weights and its widened half, two pointers, k and the end), which GCC 12 will not give an asm statement, and
 * because one LDM then loads the pair's four words: 32 instructions per 32 multiply-accumulates. acc is
 * {a00, a01, a10, a11}. */
void tinyml_cm_conv_dot_wide(int32_t acc[4], const uint32_t *wide, const int8_t *w, int32_t k);
__asm__(
    "   .syntax unified\n"
    "   .thumb\n"
    "   .pushsection .text.tinyml_cm_conv_dot_wide,\"ax\",%progbits\n"
    "   .global tinyml_cm_conv_dot_wide\n"
    "   .type tinyml_cm_conv_dot_wide, %function\n"
    "   .thumb_func\n"
    "   .balign 4\n"
    "tinyml_cm_conv_dot_wide:\n"
    "   push {r0, r4-r11, lr}\n"
    "   ldm r0, {r8-r11}\n"
    "   add lr, r2, r3\n" /* end of the first row of weights */
    /* r4..r7: pixel 0 (x0,x2), (x1,x3); pixel 1 likewise. r12: four weights, r0: two of them widened. */
#define CONV_WIDE_STEP \
    "   ldm r1!, {r4-r7}\n" \
    "   ldr r12, [r2, r3]\n" \
    "   sxtb16 r0, r12\n" \
    "   smlad r9, r4, r0, r9\n" \
    "   smlad r11, r6, r0, r11\n" \
    "   sxtb16 r0, r12, ror #8\n" \
    "   smlad r9, r5, r0, r9\n" \
    "   smlad r11, r7, r0, r11\n" \
    "   ldr r12, [r2], #4\n" \
    "   sxtb16 r0, r12\n" \
    "   smlad r8, r4, r0, r8\n" \
    "   smlad r10, r6, r0, r10\n" \
    "   sxtb16 r0, r12, ror #8\n" \
    "   smlad r8, r5, r0, r8\n" \
    "   smlad r10, r7, r0, r10\n"
    "   tst r3, #4\n" /* k = 8n + 4: one step first */
    "   beq 1f\n"
    CONV_WIDE_STEP
    "   cmp r2, lr\n"
    "   beq 2f\n"
    "1:\n"
    CONV_WIDE_STEP
    CONV_WIDE_STEP
#undef CONV_WIDE_STEP
    "   cmp r2, lr\n"
    "   bne 1b\n"
    "2:\n"
    "   pop {r0}\n"
    "   stm r0, {r8-r11}\n"
    "   pop {r4-r11, pc}\n"
    "   .size tinyml_cm_conv_dot_wide, . - tinyml_cm_conv_dot_wide\n"
    "   .popsection\n");

/* Every output channel of a block of widened pixels (conv_widen_pixel, k inputs each, an odd last pixel alone in
 * its pair); output: the block's first pixel. Two channels at a time over each pixel pair. */
CM_INLINE void conv_wide_block(const tinyml_conv_s8_params *p, const uint32_t *wide, int32_t pixels, int32_t k,
                               const int8_t *filter, const int32_t *bias, int8_t *output)
{
    const int32_t depth = p->output_depth;
    for (int32_t oc = 0; oc < depth; oc += 2) {
        const int32_t count = depth - oc < 2 ? 1 : 2;
        const int8_t *w = filter + oc * k;
        conv_group g;
        conv_group_prepare(p, bias, oc, count, &g);
        const uint32_t *pair_words = wide;
        int8_t *out = output + oc;
        int32_t left = pixels;
        for (; left >= 2; left -= 2, pair_words += k, out += 2 * depth) {
            if (count == 2) {
                int32_t a[4] = {g.bias[0], g.bias[1], g.bias[0], g.bias[1]};
                tinyml_cm_conv_dot_wide(a, pair_words, w, k);
                out[0] = conv_store1(p, &g, 0, a[0]);
                out[1] = conv_store1(p, &g, 1, a[1]);
                out[depth] = conv_store1(p, &g, 0, a[2]);
                out[depth + 1] = conv_store1(p, &g, 1, a[3]);
            } else {
                out[0] = conv_store1(p, &g, 0, conv_dot_wide1(g.bias[0], pair_words, w, k));
                out[depth] = conv_store1(p, &g, 0, conv_dot_wide1(g.bias[0], pair_words + 2, w, k));
            }
        }
        if (left > 0) {
            for (int32_t j = 0; j < count; j++) {
                out[j] = conv_store1(p, &g, j, conv_dot_wide1(g.bias[j], pair_words, w + j * k, k));
            }
        }
    }
}

/* conv_flat for the DSP extension when input_depth is a multiple of 4 and at most CONV_WIDE_WORDS: blocks of pixels
 * are widened once into the stack and then serve every output channel. */
static void __attribute__((noinline)) conv_flat_wide(const tinyml_conv_s8_params *params, const int8_t *input,
                                                     const int8_t *filter, const int32_t *bias, int8_t *output)
{
    const tinyml_conv_s8_params p = *params;
    const int32_t k = p.input_depth;
    const int32_t pixels = p.batches * p.output_height * p.output_width;
    const int32_t block = 2 * (CONV_WIDE_WORDS / k);
    const uint32_t pair = cm_pair(p.input_offset);
    uint32_t wide[CONV_WIDE_WORDS];
    for (int32_t done = 0; done < pixels; done += block) {
        const int32_t n = pixels - done < block ? pixels - done : block;
        for (int32_t i = 0; i < n; i++) {
            conv_widen_pixel(conv_wide_slot(wide, i, k), input + (done + i) * k, k, pair);
        }
        conv_wide_block(&p, wide, n, k, filter, bias, output + done * p.output_depth);
    }
}

/* conv_im2col (below) for the DSP extension when the filter rows are whole words of at most CONV_ROW_MAX bytes
 * (micro_speech: 10 rows of 8 bytes): each pixel's patch is widened straight into a block of pixel pairs, row by
 * row, from the input itself when the window lies inside the image, else from the gathered row. */
static void __attribute__((noinline)) conv_im2col_wide(const tinyml_conv_s8_params *params, const int8_t *input,
                                                       const int8_t *filter, const int32_t *bias, int8_t *output)
{
    const tinyml_conv_s8_params p = *params;
    const int32_t k = p.filter_height * p.filter_width * p.input_depth;
    const int32_t row_bytes = p.filter_width * p.input_depth;
    const int32_t pixels = p.batches * p.output_height * p.output_width;
    const int32_t block = 2 * (CONV_WIDE_WORDS / k);
    const uint32_t pair = cm_pair(p.input_offset);
    uint32_t wide[CONV_WIDE_WORDS];
    int8_t gathered[CONV_ROW_MAX];
    conv_pixel px = {0, 0, 0};
    for (int32_t done = 0; done < pixels; done += block) {
        const int32_t n = pixels - done < block ? pixels - done : block;
        for (int32_t i = 0; i < n; i++) {
            uint32_t *slot = conv_wide_slot(wide, i, k);
            conv_window win;
            conv_window_next(&p, input, &px, &win);
            /* Rows above and below the image widen to zeros (zero point + input offset); the rows in between come
             * straight from the input unless the window crosses the left or right edge. */
            slot = conv_widen_zeros(slot, win.fy0 * row_bytes);
            if (win.fx0 == 0 && win.fx1 == p.filter_width) {
                conv_widen_rows(slot, win.x, row_bytes, win.fy1 - win.fy0, p.input_width * p.input_depth, pair);
                slot += (win.fy1 - win.fy0) * row_bytes; /* n bytes take n words of the pair */
            } else {
                const int8_t *src = win.x;
                for (int32_t fy = win.fy0; fy < win.fy1; fy++, src += p.input_width * p.input_depth) {
                    conv_gather_row(&p, &win, 1, src, gathered);
                    slot = conv_widen_pixel(slot, gathered, row_bytes, pair);
                }
            }
            conv_widen_zeros(slot, (p.filter_height - win.fy1) * row_bytes);
        }
        conv_wide_block(&p, wide, n, k, filter, bias, output + done * p.output_depth);
    }
}

#endif
