/*
 * Fixed-point arithmetic of TF Lite's 16x8 scheme (int16 activations, int8 weights, int64 bias). The convolutions and
 * FULLY_CONNECTED of that scheme accumulate in int64 and rescale with a multiplier first reduced to 16 bits (Q15),
 * rounded to nearest; multipliers from 0x7FFF0000 up give 0x7FFF rather than overflowing into 2^15. One rounding of
 * the product, half up: (x·M15 + 2^(s−1)) >> s with s = 15 − shift. This is not the int8 kernels' rescaling: the two
 * differ on many accumulators, so the 16x8 kernels use this one only.
 */
#ifndef TINYML_QUANT_S16_H
#define TINYML_QUANT_S16_H

#include <stdint.h>

/* multiplier Q31 as for int8; x within ±2^47 (the interpreter's own precondition), so the product fits int64. */
static inline int32_t tinyml_multiply_by_quantized_multiplier_s64(int64_t x, int32_t multiplier, int shift) {
    const int64_t reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
    const int total_shift = 15 - shift;
    const int64_t round = (int64_t)1 << (total_shift - 1);
    return (int32_t)((x * reduced + round) >> total_shift);
}

static inline int16_t tinyml_clamp_s16(int32_t value, int32_t low, int32_t high) {
    return (int16_t)(value < low ? low : (value > high ? high : value));
}

#endif
