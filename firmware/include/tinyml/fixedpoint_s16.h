/*
 * gemmlowp's 16-bit fixed-point arithmetic, which TF Lite 2.6 calls for the LSTM's gates and for int16 LOGISTIC and TANH
 * at its power-of-two input scales: logistic and tanh rebuilt from their definitions (Newton-Raphson division,
 * barrel-shifter exponential), keeping every intermediate 16-bit wrap and saturation, because bit-exact outputs depend
 * on them.
 */
#ifndef TINYML_FIXEDPOINT_S16_H
#define TINYML_FIXEDPOINT_S16_H

#include <stdint.h>

/* --- 16-bit fixed point: a raw int16 with a number of integer bits known to the caller ------------------ */

static inline int16_t fx_add(int16_t a, int16_t b) { return (int16_t)(a + b); }
static inline int16_t fx_sub(int16_t a, int16_t b) { return (int16_t)(a - b); }
static inline int16_t fx_neg(int16_t a) { return (int16_t)(-a); }

static inline int16_t fx_saturating_add(int16_t a, int16_t b) {
    const int32_t sum = (int32_t)a + b;
    return (int16_t)(sum > INT16_MAX ? INT16_MAX : (sum < INT16_MIN ? INT16_MIN : sum));
}

/* The product of two fixed-point values (integer bits add up): rounding doubling high multiply. */
static inline int16_t fx_mul(int16_t a, int16_t b) {
    if (a == INT16_MIN && b == INT16_MIN) {
        return INT16_MAX;
    }
    const int32_t product = (int32_t)a * b;
    const int32_t nudge = product >= 0 ? (1 << 14) : (1 - (1 << 14));
    return (int16_t)((product + nudge) / (1 << 15));
}

static inline int32_t rounding_divide_by_pot32(int32_t x, int exponent) {
    const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

static inline int16_t rounding_divide_by_pot16(int16_t x, int exponent) {
    const int16_t mask = (int16_t)((1 << exponent) - 1);
    const int16_t remainder = (int16_t)(x & mask);
    const int16_t threshold = (int16_t)((mask >> 1) + (x < 0 ? 1 : 0));
    return (int16_t)((x >> exponent) + (remainder > threshold ? 1 : 0));
}

/* x·2^exponent: saturating for a left shift, rounding to nearest for a right shift. */
static inline int16_t fx_multiply_by_pot(int16_t x, int exponent) {
    if (exponent > 0) {
        const int32_t threshold = (1 << (15 - exponent)) - 1;
        if (x > threshold) {
            return INT16_MAX;
        }
        if (x < -threshold) {
            return INT16_MIN;
        }
        return (int16_t)(x * (1 << exponent));
    }
    return exponent < 0 ? rounding_divide_by_pot16(x, -exponent) : x;
}

/* A constant given as a 32-bit raw value, rounded to 16 bits as gemmlowp does. */
static inline int16_t fx_constant(int32_t raw32) {
    return (int16_t)rounding_divide_by_pot32(raw32, 16);
}

#define FX_ONE_Q0 INT16_MAX

/* exp(a) for a in [-1/4, 0), Q0.15: Taylor expansion around -1/8. */
static inline int16_t exp_on_negative_quarter(int16_t a) {
    const int16_t constant_term = fx_constant(1895147668);
    const int16_t one_third = fx_constant(715827883);
    const int16_t x = fx_add(a, 1 << 12);
    const int16_t x2 = fx_mul(x, x);
    const int16_t x3 = fx_mul(x2, x);
    const int16_t x4 = fx_mul(x2, x2);
    const int16_t x4_over_4 = fx_multiply_by_pot(x4, -2);
    const int16_t series = fx_multiply_by_pot(fx_add(fx_mul(fx_add(x4_over_4, x3), one_third), x2), -1);
    return fx_saturating_add(constant_term, fx_mul(constant_term, fx_add(x, series)));
}

/* exp(a) for a <= 0 with integer_bits integer bits, Q0.15. */
static inline int16_t exp_on_negative_values(int16_t a, int integer_bits) {
    static const int32_t multipliers[] = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
    const int fractional_bits = 15 - integer_bits;
    const int16_t one_quarter = (int16_t)(1 << (fractional_bits - 2));
    const int16_t mask = (int16_t)(one_quarter - 1);
    const int16_t a_mod_quarter_minus_quarter = fx_sub((int16_t)(a & mask), one_quarter);
    int16_t result = exp_on_negative_quarter(fx_multiply_by_pot(a_mod_quarter_minus_quarter, integer_bits));
    const int16_t remainder = fx_sub(a_mod_quarter_minus_quarter, a);
    for (int exponent = -2; exponent <= 4; exponent++) {
        if (integer_bits > exponent && (remainder & (1 << (fractional_bits + exponent))) != 0) {
            result = fx_mul(result, fx_constant(multipliers[exponent + 2]));
        }
    }
    if (integer_bits > 5) {
        const int16_t minus_32 = fx_constant(-(1 << (36 - integer_bits)));
        if (a < minus_32) {
            result = 0;
        }
    }
    return a == 0 ? FX_ONE_Q0 : result;
}

/* Newton-Raphson iterations for 1/(1 + a) with a in (0, 1), in Q2.13; returns x ≈ 1/half_denominator. */
static inline int16_t reciprocal_of_half_denominator(int16_t half_denominator) {
    const int16_t one_q2 = 1 << 13;
    int16_t x = fx_add(fx_constant(1515870810), fx_mul(half_denominator, fx_constant(-1010580540)));
    for (int i = 0; i < 3; i++) {
        const int16_t one_minus = fx_sub(one_q2, fx_mul(half_denominator, x));
        x = fx_add(x, fx_multiply_by_pot(fx_mul(x, one_minus), 2));
    }
    return x;
}

static inline int16_t rounding_half_sum(int16_t a, int16_t b) {
    const int32_t sum = (int32_t)a + b;
    return (int16_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/* tanh(a), a with integer_bits integer bits, Q0.15. */
static inline int16_t fx_tanh(int16_t a, int integer_bits) {
    if (a == 0) {
        return 0;
    }
    const int16_t negative = a < 0 ? a : fx_neg(a);
    /* exp(2·negative): the same raw value read with one more integer bit. */
    const int16_t e = exp_on_negative_values(negative, integer_bits + 1);
    const int16_t x = reciprocal_of_half_denominator(rounding_half_sum(e, FX_ONE_Q0));
    const int16_t minus_tanh = fx_multiply_by_pot(fx_sub(x, 1 << 13), 2); /* (1 - e) / (1 + e) */
    return a < 0 ? fx_neg(minus_tanh) : minus_tanh;
}

/* logistic(a), a in Q3.12, Q0.15. */
static inline int16_t fx_logistic(int16_t a) {
    if (a == 0) {
        return fx_constant(1 << 30);
    }
    const int16_t magnitude = a > 0 ? a : fx_neg(a);
    const int16_t e = exp_on_negative_values(fx_neg(magnitude), 3);
    const int16_t x = reciprocal_of_half_denominator(rounding_half_sum(e, FX_ONE_Q0));
    const int16_t of_positive = fx_multiply_by_pot(x, 1); /* x/2 in Q1.14, rescaled to Q0.15 */
    return a > 0 ? of_positive : fx_sub(FX_ONE_Q0, of_positive);
}

#endif
