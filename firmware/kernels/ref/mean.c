/* Portable reference MEAN (int8 and float32; see tinyml/kernels/mean.h for the interpreter's paths). */
#include "tinyml/kernels/mean.h"
#include "tinyml/quant.h"

/* Input offset of the first element of output o: o's coordinates along the kept dimensions, row-major. */
static int32_t kept_offset(const tinyml_mean_shape *s, int32_t o) {
    int32_t offset = 0;
    for (int d = 3; d >= 0; d--) {
        offset += (o % s->kept_dims[d]) * s->kept_strides[d];
        o /= s->kept_dims[d];
    }
    return offset;
}

static int32_t outputs(const tinyml_mean_shape *s) {
    return s->kept_dims[0] * s->kept_dims[1] * s->kept_dims[2] * s->kept_dims[3];
}

/* The reduced elements of one output, in row-major order: the loop nest both sums share. */
#define TINYML_MEAN_FOR_EACH_REDUCED(s, base, offset)                                                        \
    for (int32_t r0 = 0; r0 < (s)->reduced_dims[0]; r0++)                                                    \
        for (int32_t r1 = 0; r1 < (s)->reduced_dims[1]; r1++)                                                \
            for (int32_t r2 = 0; r2 < (s)->reduced_dims[2]; r2++)                                            \
                for (int32_t r3 = 0, offset = (base) + r0 * (s)->reduced_strides[0] + r1 * (s)->reduced_strides[1] \
                             + r2 * (s)->reduced_strides[2];                                                 \
                     r3 < (s)->reduced_dims[3]; r3++, offset += (s)->reduced_strides[3])

/* std::round (half away from zero) without libm; floats of magnitude 2^23 and more are whole already. */
static float round_half_away(float value) {
    if (!(value > -8388608.0f && value < 8388608.0f)) {
        return value;
    }
    const float whole = (float)(int32_t)value;
    const float fraction = value - whole;
    if (fraction >= 0.5f) {
        return whole + 1.0f;
    }
    if (fraction <= -0.5f) {
        return whole - 1.0f;
    }
    return whole;
}

void tinyml_mean_s8(const tinyml_mean_s8_params *p, const int8_t *input, int8_t *output) {
    const tinyml_mean_shape *s = &p->shape;
    const int32_t subtract = p->path == TINYML_MEAN_S8_SPATIAL || p->path == TINYML_MEAN_S8_FOLDED ? p->input_zero_point : 0;
    const int32_t n = outputs(s);
    for (int32_t o = 0; o < n; o++) {
        int32_t sum = 0;
        TINYML_MEAN_FOR_EACH_REDUCED(s, kept_offset(s, o), at) {
            sum += input[at] - subtract;
        }
        if (p->path == TINYML_MEAN_S8_SPATIAL) {
            int32_t acc = tinyml_multiply_by_quantized_multiplier_double_rounding(sum, p->output_multiplier, p->output_shift);
            acc = acc > 0 ? (acc + s->count / 2) / s->count : (acc - s->count / 2) / s->count;
            output[o] = tinyml_clamp_s8(acc + p->output_zero_point, -128, 127);
        } else if (p->path == TINYML_MEAN_S8_FOLDED) {
            const int32_t acc = tinyml_multiply_by_quantized_multiplier_double_rounding(sum, p->output_multiplier, p->output_shift);
            output[o] = tinyml_clamp_s8(acc + p->output_zero_point, -128, 127);
        } else if (p->path == TINYML_MEAN_S8_SAME_QUANTIZATION) {
            output[o] = (int8_t)(sum / s->count);
        } else {
            const float mean = (float)sum / (float)s->count;
            float result = round_half_away(mean * p->scale + p->bias) + (float)p->output_zero_point;
            result = result < 127.0f ? result : 127.0f;
            result = result > -128.0f ? result : -128.0f;
            output[o] = (int8_t)(int32_t)result;
        }
    }
}

void tinyml_mean_f32(const tinyml_mean_shape *s, const float *input, float *output) {
    const int32_t n = outputs(s);
    for (int32_t o = 0; o < n; o++) {
        float sum = 0.0f;
        TINYML_MEAN_FOR_EACH_REDUCED(s, kept_offset(s, o), at) {
            sum += input[at];
        }
        output[o] = sum / (float)s->count;
    }
}
