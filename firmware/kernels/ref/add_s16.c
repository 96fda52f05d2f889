/* Portable ADD of the 16x8 scheme, the only one on every target (see tinyml/kernels/add.h). */
#include "add_ref.h"
#include "tinyml/quant_s16.h"

void tinyml_add_s16(const tinyml_add_s8_params *p, const int16_t *input1, const int16_t *input2, int16_t *output) {
    tinyml_broadcast_s16_apply(&p->shape, input1, input2, output, tinyml_add_one_s8, p, p->activation_min, p->activation_max);
}

/* gemmlowp's RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero. */
static int32_t rounding_divide_by_pot(int32_t x, int32_t exponent) {
    const int32_t mask = (int32_t)((1u << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

void tinyml_add_s16_pot(const tinyml_add_s16_pot_params *p, const int16_t *input1, const int16_t *input2, int16_t *output) {
    const int shift_first = p->input1_shift != 0;
    const int16_t *shifted = shift_first ? input1 : input2;
    const int16_t *kept = shift_first ? input2 : input1;
    const int32_t right_shift = -(shift_first ? p->input1_shift : p->input2_shift);
    for (int32_t i = 0; i < p->size; i++) {
        const int32_t sum = rounding_divide_by_pot(shifted[i], right_shift) + kept[i];
        const int32_t saturated = sum < INT16_MIN ? INT16_MIN : (sum > INT16_MAX ? INT16_MAX : sum);
        output[i] = tinyml_clamp_s16(saturated, p->activation_min, p->activation_max);
    }
}
