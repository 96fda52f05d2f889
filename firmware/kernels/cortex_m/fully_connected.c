/*
 * FULLY_CONNECTED for Cortex-M: the same function and results as kernels/ref/fully_connected.c, bit for bit,
 * for every input and parameter set (checked by kernels/test/run_fc_equivalence.sh on the host and under
 * QEMU), arranged to execute few instructions.
 *
 *   DSP extension (M4, M7, M33; __ARM_FEATURE_DSP): SXTB16 widens four int8 into two pairs of int16 and SMLAD
 *       multiplies and accumulates a pair; four output rows share each widened word of input.
 *   Helium (M55; __ARM_FEATURE_MVE), the fast path only, in mve/fully_connected.h: rows of 8 or more inputs
 *       take VLDRB + VMLADAVA, 16 multiply-accumulates in two instructions, four rows sharing each vector of
 *       input; shorter rows compute four outputs per vector (a gathered column of weights times one input, VMLA).
 *       Requantization then works on four lanes. Its general path is the DSP one (the M55 has both).
 *   otherwise (M0, M3, hosts): plain C with the same structure.
 * The DSP words stay inline in fc_rows (an #if around the word step of a loop plain C shares); Helium's loops
 * share nothing with it and live in their own file, included where cm_simd.h's CM_MVE says the core has Helium.
 *
 * Fast path. The compiler folds the input zero point into the bias (input_offset = 0, bias[o] already holds
 * bias + input_offset·Σ weights[o][i]), so the inner loop is a pure dot product. Requantization is
 * cm_simd.h's single-rounding fast form, SMMLA and ASR (VMULH + VADD + VSHL on four lanes), and the full int8
 * clamp [−128, 127] one SSAT, for output_shift in [−22, −2] and |output zero point| <= 255.
 *
 * Anything else (an input offset, another shift, a larger output zero point, activation_min > activation_max)
 * takes the general path: the same dot product with the offset added while widening (SXTAB16), then
 * quant.h's requantization and the reference's clamp; an input offset too large for int16 lanes falls back
 * to the reference loop itself, kernels/ref/fully_connected_ref.h compiled in here (the portable kernel is not
 * linked beside this one, and one loop cannot drift from the reference the way a copy could).
 *
 * Input, weights and output may have any alignment (DSP reads are memcpy, i.e. LDR, which tolerates it on
 * ARMv7-M and ARMv8-M Mainline); rows of any length and any batch count work.
 */
/* Built with the Makefile's KERNEL_CFLAGS (-O2 without the pre-allocation scheduler and tree loop passes),
 * which keep the four-row loop's accumulators in registers; see firmware/targets/cortex_m/Makefile. */

#include <stddef.h>

#include "../ref/fully_connected_ref.h"
#include "cm_simd.h"
#include "tinyml/kernels/fully_connected.h"

/* How the accumulators are turned into int8; each mode is a separate copy of the loops. */
enum {
    FC_FAST_FULL,  /* input_offset 0, SMMLA + ASR, clamp [-128, 127] = SSAT */
    FC_FAST_RANGE, /* input_offset 0, SMMLA + ASR, the reference's clamp */
    FC_GENERAL     /* any input_offset that fits int16 lanes, quant.h, the reference's clamp */
};

typedef struct {
    int32_t multiplier;
    int32_t shift;     /* output_shift (general path) */
    int32_t add;       /* 2^(n-1) + output_offset * 2^n (fast path) */
    int32_t right;     /* n (fast path) */
    int32_t offset;    /* output_offset (general path) */
    int32_t low, high; /* activation range */
} fc_requant;

CM_INLINE int8_t fc_requantize(int32_t acc, const fc_requant q, const int mode)
{
    if (mode == FC_GENERAL) {
        acc = tinyml_multiply_by_quantized_multiplier(acc, q.multiplier, q.shift);
        return tinyml_clamp_s8(acc + q.offset, q.low, q.high);
    }
    acc = cm_mulhi_add(acc, q.multiplier, q.add) >> q.right;
    if (mode == FC_FAST_FULL) {
        return (int8_t)cm_sat8(acc);
    }
    return tinyml_clamp_s8(acc, q.low, q.high);
}

/* ---- DSP and plain C (and the M55's general path): four rows share each word of input ------------- */

#if CM_DSP
/* acc += Σ_{j<4} (x_j + in_off) * w_j over one word of input, already widened into xe = (x0, x2), xo = (x1, x3). */
#define FC_MAC4(acc, xe, xo, wv) \
    ((acc) = __smlad((xe), __sxtb16(wv), (acc)), (acc) = __smlad((xo), cm_sxtb16_ror8(wv), (acc)))
#endif

CM_INLINE void fc_rows(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                       const int32_t *bias, int8_t *output, const fc_requant q, const int mode)
{
    const int32_t depth = params->input_depth;
    const int32_t outputs = params->output_depth;
    const int32_t in_off = mode == FC_GENERAL ? params->input_offset : 0;
#if CM_DSP
    const uint32_t in_off_pair = cm_pair(in_off);
#endif
    const int8_t *x = input;
    int8_t *out = output;
    for (int32_t b = params->batches; b > 0; b--) {
        const int8_t *const x_words_end = x + (depth & ~3);
        const int8_t *const x_end = x + depth;
        const int8_t *w = weights;
        const int32_t *bp = bias;
        for (int32_t g = outputs >> 2; g > 0; g--) {
            /* Rows at wa, wa + depth, wb, wb + depth: three pointer registers for four rows leave room for the
             * four accumulators, both halves of the input word and a weight word. */
            const int8_t *wa = w;
            const int8_t *wb = w + 2 * depth;
            const int8_t *xp = x;
            int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            if (bp) {
                a0 = bp[0];
                a1 = bp[1];
                a2 = bp[2];
                a3 = bp[3];
                bp += 4;
            }
            for (; xp != x_words_end; xp += 4, wa += 4, wb += 4) {
#if CM_DSP
                const uint32_t xv = cm_read32(xp);
                int32_t xe, xo;
                if (mode == FC_GENERAL) {
                    xe = __sxtab16(in_off_pair, xv);
                    xo = cm_sxtab16_ror8(in_off_pair, xv);
                } else {
                    xe = __sxtb16(xv);
                    xo = cm_sxtb16_ror8(xv);
                }
                uint32_t wv;
                wv = cm_read32(wa);
                FC_MAC4(a0, xe, xo, wv);
                wv = cm_read32(wa + depth);
                FC_MAC4(a1, xe, xo, wv);
                wv = cm_read32(wb);
                FC_MAC4(a2, xe, xo, wv);
                wv = cm_read32(wb + depth);
                FC_MAC4(a3, xe, xo, wv);
#else
                for (int j = 0; j < 4; j++) {
                    const int32_t xj = xp[j] + in_off;
                    a0 += xj * wa[j];
                    a1 += xj * wa[depth + j];
                    a2 += xj * wb[j];
                    a3 += xj * wb[depth + j];
                }
#endif
            }
            for (; xp != x_end; xp++, wa++, wb++) {
                const int32_t xj = *xp + in_off;
                a0 += xj * wa[0];
                a1 += xj * wa[depth];
                a2 += xj * wb[0];
                a3 += xj * wb[depth];
            }
            out[0] = fc_requantize(a0, q, mode);
            out[1] = fc_requantize(a1, q, mode);
            out[2] = fc_requantize(a2, q, mode);
            out[3] = fc_requantize(a3, q, mode);
            out += 4;
            w = wb + depth;
        }
        for (int32_t r = outputs & 3; r > 0; r--) {
            const int8_t *xp = x;
            int32_t a = 0;
            if (bp) {
                a = *bp++;
            }
            for (; xp != x_words_end; xp += 4, w += 4) {
#if CM_DSP
                const uint32_t xv = cm_read32(xp);
                const uint32_t wv = cm_read32(w);
                int32_t xe, xo;
                if (mode == FC_GENERAL) {
                    xe = __sxtab16(in_off_pair, xv);
                    xo = cm_sxtab16_ror8(in_off_pair, xv);
                } else {
                    xe = __sxtb16(xv);
                    xo = cm_sxtb16_ror8(xv);
                }
                FC_MAC4(a, xe, xo, wv);
#else
                for (int j = 0; j < 4; j++) {
                    a += (xp[j] + in_off) * w[j];
                }
#endif
            }
            for (; xp != x_end; xp++, w++) {
                a += (*xp + in_off) * *w;
            }
            *out++ = fc_requantize(a, q, mode);
        }
        x = x_end;
    }
}

/* ---- the reference loop itself, for input offsets that do not fit int16 lanes ------------------------ */

/* Out of line: the dispatch below stays small, and the loop is the reference's (kernels/ref), not a copy. */
static void __attribute__((noinline)) fc_reference(const tinyml_fc_s8_params *params, const int8_t *input,
                                                   const int8_t *weights, const int32_t *bias, int8_t *output)
{
    tinyml_fully_connected_s8_ref(params, input, weights, bias, output);
}

/* The fast path's requantization constants (see the top of this file); the caller has checked that
 * n = -1 - output_shift is in [1, 21] and |output_offset| <= 255, so |add| < 2^29 and nothing overflows. */
CM_INLINE fc_requant fc_fast_requant(const tinyml_fc_s8_params *params)
{
    fc_requant q;
    const int32_t n = -1 - params->output_shift;
    q.multiplier = params->output_multiplier;
    q.shift = params->output_shift;
    q.offset = params->output_offset;
    q.low = params->activation_min;
    q.high = params->activation_max;
    q.right = n;
    q.add = cm_single_fast_add(params->output_shift, params->output_offset);
    return q;
}

/* ---- the fast path: Helium's own loops (mve/), else fc_rows; one copy of the loops per mode --------- */

#if CM_MVE
#include "mve/fully_connected.h"
#else
static void __attribute__((noinline)) fc_fast_full(const tinyml_fc_s8_params *params, const int8_t *input,
                                                   const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_rows(params, input, weights, bias, output, fc_fast_requant(params), FC_FAST_FULL);
}

static void __attribute__((noinline)) fc_fast_range(const tinyml_fc_s8_params *params, const int8_t *input,
                                                    const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_rows(params, input, weights, bias, output, fc_fast_requant(params), FC_FAST_RANGE);
}

/* full: the clamp is the whole int8 range. */
CM_INLINE void fc_fast(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                       const int32_t *bias, int8_t *output, const int full)
{
    if (full) {
        fc_fast_full(params, input, weights, bias, output);
    } else {
        fc_fast_range(params, input, weights, bias, output);
    }
}
#endif

static void __attribute__((noinline)) fc_general(const tinyml_fc_s8_params *params, const int8_t *input,
                                                 const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_requant q;
    q.multiplier = params->output_multiplier;
    q.shift = params->output_shift;
    q.offset = params->output_offset;
    q.low = params->activation_min;
    q.high = params->activation_max;
    q.right = 0;
    q.add = 0;
    fc_rows(params, input, weights, bias, output, q, FC_GENERAL);
}

void tinyml_fully_connected_s8(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output)
{
    const int32_t input_offset = params->input_offset;
    /* Fast path: no input offset, total right shift 31 - output_shift = 32 + n with n in [1, 21], output zero
     * point in [-255, 255] (any int8 or uint8 zero point). */
    if (input_offset == 0 && cm_single_fast_ok(params->output_shift, params->output_offset) &&
        params->activation_min <= params->activation_max) {
        fc_fast(params, input, weights, bias, output,
                params->activation_min == -128 && params->activation_max == 127);
    } else if (cm_offset_fits_int16(input_offset)) {
        fc_general(params, input, weights, bias, output);
    } else {
        fc_reference(params, input, weights, bias, output);
    }
}
