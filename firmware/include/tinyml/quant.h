/*
 * Fixed-point arithmetic of the TFLite int8 quantization spec. Every kernel rescales its int32 accumulator
 * through tinyml_multiply_by_quantized_multiplier. It uses single rounding, (x·M + 2^(s−1)) >> s with
 * s = 31 − shift, because that is what the reference interpreter (TF Lite 2.6, ruy kernels) computes; the
 * older double rounding (rounding doubling high multiply, then rounding shift) differs by 1 LSB on some
 * inputs, and bit-exact outputs depend on matching it.
 */
#ifndef TINYML_QUANT_H
#define TINYML_QUANT_H

#include <stdint.h>

/* multiplier is Q31 in [2^30, 2^31); shift in [-31, 30], positive meaning a left shift. */
static inline int32_t tinyml_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
    const int total_shift = 31 - shift;
    const int64_t round = (int64_t)1 << (total_shift - 1);
    return (int32_t)(((int64_t)x * multiplier + round) >> total_shift);
}

static inline int8_t tinyml_clamp_s8(int32_t value, int32_t low, int32_t high) {
    return (int8_t)(value < low ? low : (value > high ? high : value));
}

#endif
