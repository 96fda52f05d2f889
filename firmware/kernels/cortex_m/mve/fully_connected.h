/*
 * FULLY_CONNECTED's fast path on Helium (M55): part of ../fully_connected.c, which includes it when cm_simd.h
 * finds MVE (the M55 takes its general path, fc_rows with SXTAB16/SMLAD, from there). Rows of 8 or more inputs
 * take VLDRB + VMLADAVA, 16 multiply-accumulates in two instructions, four rows sharing each vector of input;
 * shorter rows compute four outputs per vector (a gathered column of weights times one input, VMLA).
 * Requantization then works on four lanes.
 */
#ifndef TINYML_CORTEX_M_MVE_FULLY_CONNECTED_H
#define TINYML_CORTEX_M_MVE_FULLY_CONNECTED_H

/* The fast path's requantization (fc_requantize's SMMLA + ASR) on four lanes: VMULH is floor(a * b / 2^32), VSHL by
 * -n an arithmetic (flooring) right shift; the clamp needs activation_min <= activation_max (checked by the
 * caller), the byte store truncates like the reference's cast to int8. */
CM_INLINE void fc_store4_mve(int8_t *out, int32x4_t acc, const fc_requant q, const int mode, const int partial,
                             mve_pred16_t lanes)
{
    int32x4_t v = vmulhq_s32(acc, vdupq_n_s32(q.multiplier));
    v = vshlq_r_s32(vaddq_n_s32(v, q.add), -q.right);
    if (mode == FC_FAST_FULL) {
        v = vminq_s32(vmaxq_s32(v, vdupq_n_s32(-128)), vdupq_n_s32(127));
    } else {
        v = vminq_s32(vmaxq_s32(v, vdupq_n_s32(q.low)), vdupq_n_s32(q.high));
    }
    if (partial) {
        vstrbq_p_s32(out, v, lanes);
    } else {
        vstrbq_s32(out, v);
    }
}

/* Short rows (depth < 8): four outputs per vector, one gathered column of weights times one input at a time. */
CM_INLINE void fc_cols_mve(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                           const int32_t *bias, int8_t *output, const fc_requant q, const int mode)
{
    const int32_t depth = params->input_depth;
    const int32_t outputs = params->output_depth;
    const uint32x4_t columns = {0u, (uint32_t)depth, 2u * (uint32_t)depth, 3u * (uint32_t)depth};
    const int8_t *x = input;
    int8_t *out = output;
    for (int32_t b = params->batches; b > 0; b--) {
        const int8_t *w = weights;
        const int32_t *bp = bias;
        for (int32_t g = outputs >> 2; g > 0; g--) {
            int32x4_t acc = vdupq_n_s32(0);
            if (bp) {
                acc = vldrwq_s32(bp);
                bp += 4;
            }
            for (int32_t i = 0; i < depth; i++) {
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(w + i, columns), x[i]);
            }
            fc_store4_mve(out, acc, q, mode, 0, 0);
            out += 4;
            w += 4 * depth;
        }
        if (outputs & 3) {
            const mve_pred16_t last_lanes = vctp32q((uint32_t)(outputs & 3));
            int32x4_t acc = vdupq_n_s32(0);
            if (bp) {
                acc = vldrwq_z_s32(bp, last_lanes);
            }
            for (int32_t i = 0; i < depth; i++) {
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(w + i, columns, last_lanes), x[i]);
            }
            fc_store4_mve(out, acc, q, mode, 1, last_lanes);
            out += outputs & 3;
        }
        x += depth;
    }
}

/* Rows of 8 or more: VMLADAVA over 16 inputs at a time, four rows sharing each vector of input. */
CM_INLINE void fc_rows_mve(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                           const int32_t *bias, int8_t *output, const fc_requant q, const int mode)
{
    const int32_t depth = params->input_depth;
    const int32_t outputs = params->output_depth;
    const int8_t *x = input;
    int8_t *out = output;
    /* Lanes past the end of a row are neither loaded nor (being zero in x) counted. */
    const int32_t tail = depth & 15;
    const mve_pred16_t tail_lanes = vctp8q((uint32_t)tail);
    for (int32_t b = params->batches; b > 0; b--) {
        const int8_t *const x_chunks_end = x + (depth & ~15);
        const int8_t *w = weights;
        const int32_t *bp = bias;
        for (int32_t g = outputs >> 2; g > 0; g--) {
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
            for (; xp != x_chunks_end; xp += 16, wa += 16, wb += 16) {
                const int8x16_t xv = vldrbq_s8(xp);
                a0 = vmladavaq_s8(a0, xv, vldrbq_s8(wa));
                a1 = vmladavaq_s8(a1, xv, vldrbq_s8(wa + depth));
                a2 = vmladavaq_s8(a2, xv, vldrbq_s8(wb));
                a3 = vmladavaq_s8(a3, xv, vldrbq_s8(wb + depth));
            }
            if (tail) {
                const int8x16_t xv = vldrbq_z_s8(xp, tail_lanes);
                a0 = vmladavaq_s8(a0, xv, vldrbq_z_s8(wa, tail_lanes));
                a1 = vmladavaq_s8(a1, xv, vldrbq_z_s8(wa + depth, tail_lanes));
                a2 = vmladavaq_s8(a2, xv, vldrbq_z_s8(wb, tail_lanes));
                a3 = vmladavaq_s8(a3, xv, vldrbq_z_s8(wb + depth, tail_lanes));
            }
            int32x4_t acc = vdupq_n_s32(a0);
            acc = vsetq_lane_s32(a1, acc, 1);
            acc = vsetq_lane_s32(a2, acc, 2);
            acc = vsetq_lane_s32(a3, acc, 3);
            fc_store4_mve(out, acc, q, mode, 0, 0);
            out += 4;
            w = wb + depth + tail;
        }
        for (int32_t r = outputs & 3; r > 0; r--) {
            const int8_t *xp = x;
            int32_t a = 0;
            if (bp) {
                a = *bp++;
            }
            for (; xp != x_chunks_end; xp += 16, w += 16) {
                a = vmladavaq_s8(a, vldrbq_s8(xp), vldrbq_s8(w));
            }
            if (tail) {
                a = vmladavaq_s8(a, vldrbq_z_s8(xp, tail_lanes), vldrbq_z_s8(w, tail_lanes));
                w += tail;
            }
            *out++ = fc_requantize(a, q, mode);
        }
        x += depth;
    }
}

static void __attribute__((noinline)) fc_fast_full(const tinyml_fc_s8_params *params, const int8_t *input,
                                                   const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_rows_mve(params, input, weights, bias, output, fc_fast_requant(params), FC_FAST_FULL);
}

static void __attribute__((noinline)) fc_fast_range(const tinyml_fc_s8_params *params, const int8_t *input,
                                                    const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_rows_mve(params, input, weights, bias, output, fc_fast_requant(params), FC_FAST_RANGE);
}

static void __attribute__((noinline)) fc_fast_short_full(const tinyml_fc_s8_params *params, const int8_t *input,
                                                         const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_cols_mve(params, input, weights, bias, output, fc_fast_requant(params), FC_FAST_FULL);
}

static void __attribute__((noinline)) fc_fast_short_range(const tinyml_fc_s8_params *params, const int8_t *input,
                                                          const int8_t *weights, const int32_t *bias, int8_t *output)
{
    fc_cols_mve(params, input, weights, bias, output, fc_fast_requant(params), FC_FAST_RANGE);
}

/* full: the clamp is the whole int8 range. */
CM_INLINE void fc_fast(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                       const int32_t *bias, int8_t *output, const int full)
{
    if (params->input_depth < 8) {
        if (full) {
            fc_fast_short_full(params, input, weights, bias, output);
        } else {
            fc_fast_short_range(params, input, weights, bias, output);
        }
        return;
    }
    if (full) {
        fc_fast_full(params, input, weights, bias, output);
    } else {
        fc_fast_range(params, input, weights, bias, output);
    }
}

#endif
