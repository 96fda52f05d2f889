/*
 * Fixed-point arithmetic of the TFLite int8 quantization spec. Kernels rescale their int32 accumulators with the
 * rounding that the reference interpreter (TF Lite 2.6) uses for the same operator, found by differential tests
 * (the *OperatorTest classes of io.tinymlaas.compile): FULLY_CONNECTED and CONV_2D (ruy GEMM) use single rounding,
 * tinyml_multiply_by_quantized_multiplier, (x·M + 2^(s−1)) >> s with s = 31 − shift; DEPTHWISE_CONV_2D uses
 * gemmlowp's double rounding, tinyml_multiply_by_quantized_multiplier_double_rounding. The two differ by 1 LSB
 * on some inputs, and bit-exact outputs depend on using the right one.
 *
 * Built with TINYML_TFLM_ARITHMETIC (the compiler's --reference tflm), both are the double rounding, as in TFLM.
 */
#ifndef TINYML_QUANT_H
#define TINYML_QUANT_H

#include <stdint.h>

/* gemmlowp's SaturatingRoundingDoublingHighMul: (a·b + 2^30) / 2^31 rounded half away from zero, saturating the one
 * overflow INT32_MIN·INT32_MIN. */
static inline int32_t tinyml_rounding_doubling_high_mul(int32_t a, int32_t b) {
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    const int64_t product = (int64_t)a * b;
    const int64_t nudge = product >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
    return (int32_t)((product + nudge) / ((int64_t)1 << 31));
}

/* gemmlowp's RoundingDivideByPOT: x / 2^exponent (exponent in [0, 31]) rounded half away from zero. */
static inline int32_t tinyml_rounding_divide_by_pot(int32_t x, int exponent) {
    const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/*
 * The older gemmlowp rescaling that some TF Lite 2.6 kernels still use (depthwise convolution, see
 * kernels/depthwise_conv.h): a left shift, a rounding doubling high multiply (round half up, saturating
 * INT32_MIN·INT32_MIN), then a rounding right shift (round half away from zero). Rounds twice, so it differs from
 * tinyml_multiply_by_quantized_multiplier by 1 on some inputs.
 */
static inline int32_t tinyml_multiply_by_quantized_multiplier_double_rounding(int32_t x, int32_t multiplier, int shift) {
    const int left_shift = shift > 0 ? shift : 0;
    const int right_shift = shift > 0 ? 0 : -shift;
    const int32_t a = (int32_t)((uint32_t)x << left_shift);
    return tinyml_rounding_divide_by_pot(tinyml_rounding_doubling_high_mul(a, multiplier), right_shift);
}

/* multiplier is Q31 in [2^30, 2^31); shift in [-31, 30], positive meaning a left shift. */
static inline int32_t tinyml_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
#if TINYML_TFLM_ARITHMETIC
    /* TFLM is built without TFLITE_SINGLE_ROUNDING: its MultiplyByQuantizedMultiplier, the one its FULLY_CONNECTED
     * and CONV_2D call (and CMSIS-NN's arm_nn_requantize), rounds twice. */
    return tinyml_multiply_by_quantized_multiplier_double_rounding(x, multiplier, shift);
#else
    const int total_shift = 31 - shift;
    const int64_t round = (int64_t)1 << (total_shift - 1);
    return (int32_t)(((int64_t)x * multiplier + round) >> total_shift);
#endif
}

static inline int8_t tinyml_clamp_s8(int32_t value, int32_t low, int32_t high) {
    return (int8_t)(value < low ? low : (value > high ? high : value));
}

#endif
