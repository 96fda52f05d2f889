/* Portable reference SOFTMAX (int8 in and out with a float table; float32 with libm's expf). */
#include <math.h>

#include "tinyml/kernels/softmax.h"
#include "tinyml/quant.h"

/* std::round for the non-negative floats below 2^23 that occur here, without libm. */
static int32_t round_half_away(float value) {
    const int32_t whole = (int32_t)value;
    return value - (float)whole >= 0.5f ? whole + 1 : whole;
}

static int32_t row_max_s8(const int8_t *in, int32_t depth) {
    int32_t max = -128;
    for (int32_t j = 0; j < depth; j++) {
        max = in[j] > max ? in[j] : max;
    }
    return max;
}

void tinyml_softmax_s8(const tinyml_softmax_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t r = 0; r < p->rows; r++) {
        const int8_t *in = input + r * p->depth;
        int8_t *out = output + r * p->depth;
        const int32_t max = row_max_s8(in, p->depth);
        const float *table = p->table + 255 - max;
        float sum = 0.0f;
        for (int32_t j = 0; j < p->depth; j++) {
            sum += table[in[j]];
        }
        const float inverse = 1.0f / (sum * p->output_scale);
        for (int32_t j = 0; j < p->depth; j++) {
            const float probability = table[in[j]] * inverse;
            out[j] = tinyml_clamp_s8(round_half_away(probability) + p->output_zero_point, -128, 127);
        }
    }
}

/* x·2^exponent saturated to int32 (gemmlowp's SaturatingRoundingMultiplyByPOT for a left shift). */
static int32_t saturating_shift_left(int32_t x, int exponent) {
    const int32_t threshold = (int32_t)((1u << (31 - exponent)) - 1u);
    return x > threshold ? INT32_MAX : x < -threshold ? INT32_MIN : (int32_t)((uint32_t)x << exponent);
}

/* gemmlowp's one_over_one_plus_x_for_x_in_0_1: 1 / (1 + a) for a in [0, 1) in Q0.31, by three Newton-Raphson steps
 * on the half denominator in Q2.29 from 48/17 − 32/17·d. */
static int32_t one_over_one_plus_x(int32_t a) {
    const int64_t sum = (int64_t)a + INT32_MAX;
    const int32_t half_denominator = (int32_t)((sum + 1) / 2);
    int32_t x = 1515870810 + tinyml_rounding_doubling_high_mul(half_denominator, -1010580540);
    for (int i = 0; i < 3; i++) {
        const int32_t one_minus_half_denominator_times_x = (1 << 29) - tinyml_rounding_doubling_high_mul(half_denominator, x);
        x = x + saturating_shift_left(tinyml_rounding_doubling_high_mul(x, one_minus_half_denominator_times_x), 2);
    }
    return saturating_shift_left(x, 1);
}

void tinyml_softmax_s8_tflm(const tinyml_softmax_s8_tflm_params *p, const int8_t *input, int8_t *output) {
    for (int32_t r = 0; r < p->rows; r++) {
        const int8_t *in = input + r * p->depth;
        int8_t *out = output + r * p->depth;
        const int32_t max = row_max_s8(in, p->depth);
        const int32_t *exp = p->exp_table + 255 - max;
        int32_t sum = 0;
        for (int32_t j = 0; j < p->depth; j++) {
            sum += tinyml_rounding_divide_by_pot(exp[in[j]], 12);
        }
        /* The maximum contributes exp(0) = 2^19, so sum >= 2^19 and has 4 to 12 leading zeros. */
        const int headroom = __builtin_clz((uint32_t)sum);
        const int32_t reciprocal = one_over_one_plus_x((int32_t)(((uint32_t)sum << headroom) - (1u << 31)));
        const int exponent = 12 - headroom + 31 - 8;
        for (int32_t j = 0; j < p->depth; j++) {
            const int32_t scaled = tinyml_rounding_divide_by_pot(tinyml_rounding_doubling_high_mul(reciprocal, exp[in[j]]), exponent);
            out[j] = tinyml_clamp_s8(scaled - 128, -128, 127);
        }
    }
}

void tinyml_softmax_f32(const tinyml_softmax_f32_params *p, const float *input, float *output) {
    for (int32_t r = 0; r < p->rows; r++) {
        const float *in = input + r * p->depth;
        float *out = output + r * p->depth;
        float max = in[0];
        for (int32_t j = 1; j < p->depth; j++) {
            max = in[j] > max ? in[j] : max;
        }
        float sum = 0.0f;
        for (int32_t j = 0; j < p->depth; j++) {
            out[j] = expf((in[j] - max) * p->beta);
            sum += out[j];
        }
#if TINYML_TFLM_ARITHMETIC
        for (int32_t j = 0; j < p->depth; j++) {
            out[j] /= sum;
        }
#else
        const float inverse = 1.0f / sum;
        for (int32_t j = 0; j < p->depth; j++) {
            out[j] *= inverse;
        }
#endif
    }
}
