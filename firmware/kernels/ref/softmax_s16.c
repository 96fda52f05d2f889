/* Portable SOFTMAX of the 16x8 scheme, the only one on every target (see tinyml/kernels/softmax.h). */
#include "tinyml/kernels/softmax.h"
#include "tinyml/quant.h"
#include "tinyml/quant_s16.h"

/*
 * A 513-entry table over [-1, 1) in Q0.15: entry 256 + (value >> 7) and the next, interpolated by the low 7 bits,
 * rounded half up.
 */
static int16_t lookup(int16_t value, const int16_t *table) {
    const int32_t index = 256 + (value >> 7);
    const int32_t offset = value & 0x7F;
    const int32_t slope = table[index + 1] - table[index];
    return (int16_t)(table[index] + ((slope * offset + 64) >> 7));
}

static int32_t leading_zeros(uint32_t x) {
    int32_t zeros = 32;
    while (x != 0) {
        x >>= 1;
        zeros--;
    }
    return zeros;
}

void tinyml_softmax_s16(const tinyml_softmax_s16_params *p, const int16_t *input, int16_t *output) {
    for (int32_t r = 0; r < p->rows; r++) {
        const int16_t *in = input + r * p->depth;
        int16_t *out = output + r * p->depth;
        int32_t max = INT16_MIN;
        for (int32_t j = 0; j < p->depth; j++) {
            max = in[j] > max ? in[j] : max;
        }
        /* exp(x - max) from the table over [-10, 0], kept in the output until the sum is known. */
        int32_t sum = 0;
        for (int32_t j = 0; j < p->depth; j++) {
            const int32_t scaled = tinyml_multiply_by_quantized_multiplier_double_rounding(
                    in[j] - max, p->input_multiplier, p->input_shift);
            out[j] = lookup(tinyml_clamp_s16(scaled + 32767, INT16_MIN, INT16_MAX), p->exp_table);
            sum += out[j];
        }
        /* 1/sum from the 1/(1 + x) table: the sum normalized to [1, 2), as x recentred on [-1, 1). */
        const int32_t headroom_plus_one = leading_zeros((uint32_t)sum);
        const int32_t normalized = (int32_t)((((int64_t)sum << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
        const int32_t reciprocal =
                lookup(tinyml_clamp_s16(normalized - ((1 << 15) + (1 << 16)), INT16_MIN, INT16_MAX), p->reciprocal_table);
        const int32_t right_shift = 31 - headroom_plus_one;
        const int64_t round = (int64_t)1 << (right_shift - 1);
        for (int32_t j = 0; j < p->depth; j++) {
            const int32_t value = (int32_t)(((int64_t)out[j] * reciprocal + round) >> right_shift);
            out[j] = tinyml_clamp_s16(value, 0, INT16_MAX);
        }
    }
}
