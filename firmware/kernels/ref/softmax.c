/* Portable reference SOFTMAX (int8 in and out with a float table; float32 with libm's expf). */
#include <math.h>

#include "tinyml/kernels/softmax.h"
#include "tinyml/quant.h"

/* std::round for the non-negative floats below 2^23 that occur here, without libm. */
static int32_t round_half_away(float value) {
    const int32_t whole = (int32_t)value;
    return value - (float)whole >= 0.5f ? whole + 1 : whole;
}

void tinyml_softmax_s8(const tinyml_softmax_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t r = 0; r < p->rows; r++) {
        const int8_t *in = input + r * p->depth;
        int8_t *out = output + r * p->depth;
        int32_t max = -128;
        for (int32_t j = 0; j < p->depth; j++) {
            max = in[j] > max ? in[j] : max;
        }
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
        const float inverse = 1.0f / sum;
        for (int32_t j = 0; j < p->depth; j++) {
            out[j] *= inverse;
        }
    }
}
