/*
 * DEPTHWISE_CONV_2D's 3×3 runs for the DSP extension (M4, M7, M33): part of ../depthwise_conv.c, which includes it
 * when cm_simd.h finds DSP but not Helium, and hands the pixels of a row whose 3×3 windows lie inside the image to
 * tinyml_cm_dw3x3_run when the group's requantization takes its fast form over the whole int8 range. The run loads
 * each tap's weights pre-widened (once per group of four channels) with one LDM.
 */
#ifndef TINYML_CORTEX_M_DSP_DEPTHWISE_CONV_H
#define TINYML_CORTEX_M_DSP_DEPTHWISE_CONV_H

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
