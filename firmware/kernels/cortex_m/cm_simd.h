/*
 * What the Cortex-M kernels share: the DSP-extension primitives GCC 12 does not spell by itself, and the two
 * requantizations of quant.h in forms that take few instructions, exact for every input. CM_DSP and CM_MVE, from
 * the compiler's feature macros (so from -mcpu), also decide which parts of a kernel in dsp/ and mve/ its <op>.c
 * includes.
 *
 *   cm_requant_single_fast: FULLY_CONNECTED/CONV_2D single rounding with the output zero point folded in. With
 *       s = 31 − shift = 32 + n, quant.h computes (x·M + 2^(s−1)) >> s. For n >= 1, writing x·M = 2^32·h + l
 *       (h = floor(x·M / 2^32), 0 <= l < 2^32) gives exactly (h + 2^(n−1)) >> n, and adding the output zero point
 *       z first, (h + 2^(n−1) + z·2^n) >> n, is exact too (z·2^n is a multiple of 2^n). h plus that constant is
 *       one SMMLA. |h| <= 2^30; callers take it for n in [1, 21] (shift in [−22, −2]) and |z| <= 255
 *       (cm_single_fast_ok), so the constant stays below 2^29 and nothing overflows.
 *   cm_requant_double: DEPTHWISE_CONV_2D's gemmlowp double rounding. gemmlowp's high half,
 *       trunc((a·M ± 2^30) / 2^31) with the nudge's sign following a·M, equals floor((a·M + 2^30) / 2^31) for
 *       every a·M (for a·M < 0 the truncation of a negative numerator is its ceiling, which is that floor), and M
 *       is positive so the INT32_MIN·INT32_MIN saturation never happens. Its rounding right shift by r (half away
 *       from zero) is floor((h + 2^(r−1) − [h < 0]) / 2^r); with h' = h − [h < 0] (never overflows: h > INT32_MIN)
 *       that is (h' >> r) + bit r−1 of h', without the overflow of adding 2^(r−1).
 *   cm_requant_double_fast: the same when |x| < 2^30 and r in [1, 22] (shift in [−22, −1]): then 2x fits int32 and
 *       h = floor((2x·M + 2^31) / 2^32) is one SMMULR; |h| < 2^30, so adding 2^(r−1) and the output zero point z as
 *       z·2^r (|z| <= 255, cm_double_fast_ok) before the shift cannot overflow, and (h' + 2^(r−1) + z·2^r) >> r is
 *       the rounded result plus z exactly.
 */
#ifndef TINYML_CORTEX_M_SIMD_H
#define TINYML_CORTEX_M_SIMD_H

#include <stdint.h>
#include <string.h>

#include "tinyml/quant.h"

#if defined(__ARM_FEATURE_MVE) && (__ARM_FEATURE_MVE & 1)
#include <arm_mve.h>
#define CM_MVE 1
#else
#define CM_MVE 0
#endif

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#include <arm_acle.h>
#define CM_DSP 1
#else
#define CM_DSP 0
#endif

#define CM_INLINE static inline __attribute__((always_inline))

/* Unaligned-safe: becomes one LDR (ARMv7-M and ARMv8-M Mainline tolerate unaligned LDR). */
CM_INLINE uint32_t cm_read32(const int8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

#if CM_DSP
/* ACLE has no rotated forms and GCC 12 does not fold a rotate into SXTB16, nor a 64-bit product's high word plus
 * an addend into SMMLA: spelled out here. Not volatile: the compiler may schedule or drop them. */
CM_INLINE int32_t cm_sxtb16_ror8(uint32_t v)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
}

CM_INLINE int32_t cm_sxtab16_ror8(uint32_t pair, uint32_t v)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(pair), "r"(v));
    return r;
}

/* add + floor(a * b / 2^32) */
CM_INLINE int32_t cm_mulhi_add(int32_t a, int32_t b, int32_t add)
{
    int32_t r;
    __asm__("smmla %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(add));
    return r;
}

CM_INLINE int32_t cm_sat8(int32_t v)
{
    return __ssat(v, 8);
}

/* floor((a * b + 2^31) / 2^32) */
CM_INLINE int32_t cm_mulhi_round(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("smmulr %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

/* p[0] = a, p[1] = b, then p += 4 words: one STRD with writeback, which GCC 12 does not form from the two stores.
 * Volatile: the store is its purpose even where the advanced pointer is not used. */
CM_INLINE uint32_t *cm_store2_advance4(uint32_t *p, uint32_t a, uint32_t b)
{
    __asm__ volatile("strd %1, %2, [%0], #16" : "+r"(p) : "r"(a), "r"(b) : "memory");
    return p;
}

/* Both int16 lanes of a word set to value (an input offset that fits int16). */
CM_INLINE uint32_t cm_pair(int32_t value)
{
    return ((uint32_t)value & 0xFFFFu) * 0x00010001u;
}
#else
CM_INLINE int32_t cm_mulhi_add(int32_t a, int32_t b, int32_t add)
{
    return add + (int32_t)(((int64_t)a * b) >> 32);
}

CM_INLINE int32_t cm_sat8(int32_t v)
{
    return v < -128 ? -128 : (v > 127 ? 127 : v);
}

CM_INLINE int32_t cm_mulhi_round(int32_t a, int32_t b)
{
    return (int32_t)(((int64_t)a * b + ((int64_t)1 << 31)) >> 32);
}
#endif

/* (x + input_offset) fits an int16 lane for every int8 x. */
CM_INLINE int cm_offset_fits_int16(int32_t input_offset)
{
    return input_offset >= -32768 + 128 && input_offset <= 32767 - 127;
}

/* Whether cm_requant_single_fast is exact for this shift and output zero point. Never in the TFLM profile, whose
 * FULLY_CONNECTED and CONV_2D round twice (quant.h): every caller then takes the path through quant.h. */
CM_INLINE int cm_single_fast_ok(int32_t shift, int32_t output_offset)
{
#if TINYML_TFLM_ARITHMETIC
    (void)shift;
    (void)output_offset;
    return 0;
#else
    return (uint32_t)(shift + 22) <= 20u && (uint32_t)(output_offset + 255) <= 510u;
#endif
}

/* The constant SMMLA adds: 2^(n-1) + output_offset * 2^n with n = -1 - shift. */
CM_INLINE int32_t cm_single_fast_add(int32_t shift, int32_t output_offset)
{
    const uint32_t two_n = 1u << (-1 - shift);
    return (int32_t)((two_n >> 1) + (uint32_t)output_offset * two_n);
}

/* tinyml_multiply_by_quantized_multiplier(acc, multiplier, shift) + output_offset, when cm_single_fast_ok. */
CM_INLINE int32_t cm_requant_single_fast(int32_t acc, int32_t multiplier, int32_t shift, int32_t add)
{
    return cm_mulhi_add(acc, multiplier, add) >> (-1 - shift);
}

/* quant.h's single rounding plus the output zero point and the clamp, taking the fast form where it is exact. */
CM_INLINE int8_t cm_requant_single(int32_t acc, int32_t multiplier, int32_t shift, int32_t output_offset,
                                   int32_t low, int32_t high)
{
    if (cm_single_fast_ok(shift, output_offset)) {
        acc = cm_requant_single_fast(acc, multiplier, shift, cm_single_fast_add(shift, output_offset));
    } else {
        acc = tinyml_multiply_by_quantized_multiplier(acc, multiplier, shift) + output_offset;
    }
    return tinyml_clamp_s8(acc, low, high);
}

/* tinyml_multiply_by_quantized_multiplier_double_rounding, for every input (see the top of this file). */
CM_INLINE int32_t cm_requant_double(int32_t x, int32_t multiplier, int32_t shift)
{
    const int32_t a = (int32_t)((uint32_t)x << (shift > 0 ? shift : 0));
    const int32_t h = (int32_t)(((int64_t)a * multiplier + (1 << 30)) >> 31);
    const int32_t r = shift > 0 ? 0 : -shift;
    if (r == 0) {
        return h;
    }
    const int32_t hm = h + (h >> 31);
    return (hm >> r) + ((hm >> (r - 1)) & 1);
}

/* Whether cm_requant_double_fast is exact for this shift and output zero point (|x| < 2^30 is the caller's). */
CM_INLINE int cm_double_fast_ok(int32_t shift, int32_t output_offset)
{
    return (uint32_t)(shift + 22) <= 21u && (uint32_t)(output_offset + 255) <= 510u;
}

/* The constant cm_requant_double_fast adds: 2^(r-1) + output_offset * 2^r with r = -shift. */
CM_INLINE int32_t cm_double_fast_add(int32_t shift, int32_t output_offset)
{
    const uint32_t two_r = 1u << -shift;
    return (int32_t)((two_r >> 1) + (uint32_t)output_offset * two_r);
}

/* tinyml_multiply_by_quantized_multiplier_double_rounding(x, multiplier, -right) + output_offset, when
 * cm_double_fast_ok and |x| < 2^30. */
CM_INLINE int32_t cm_requant_double_fast(int32_t x, int32_t multiplier, int32_t right, int32_t add)
{
    const int32_t h = cm_mulhi_round(x * 2, multiplier);
    return (h + (h >> 31) + add) >> right;
}

#if CM_MVE
/* cm_requant_double on four lanes, one multiplier and shift for all: VQRDMULH is gemmlowp's rounding doubling high
 * multiply (the multiplier is positive, so it never saturates), and VRSHL of h − [h < 0] its rounding right shift,
 * half away from zero (VRSHL rounds half up without overflow). */
CM_INLINE int32x4_t cm_requant_double_x4(int32x4_t x, int32_t multiplier, int32_t shift)
{
    if (shift > 0) {
        return vqrdmulhq_n_s32(vshlq_r_s32(x, shift), multiplier);
    }
    const int32x4_t h = vqrdmulhq_n_s32(x, multiplier);
    return shift == 0 ? h : vrshlq_n_s32(vaddq_s32(h, vshrq_n_s32(h, 31)), shift);
}
#endif

#endif
