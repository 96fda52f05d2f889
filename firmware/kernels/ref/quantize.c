/* Portable reference QUANTIZE (int8 -> int8, float32 -> int8) and DEQUANTIZE (int8 -> float32). */
#include "tinyml/kernels/quantize.h"
#include "tinyml/quant.h"
#include "tinyml/quant_s16.h"

typedef union {
    float value;
    uint8_t bytes[4];
} float_bytes;

/* Float i of a float32 buffer given as bytes: the graph's float tensors need not be 4-byte aligned. */
static float load_f32(const uint8_t *bytes, int32_t i) {
    float_bytes f;
    for (int b = 0; b < 4; b++) {
        f.bytes[b] = bytes[4 * i + b];
    }
    return f.value;
}

static void store_f32(uint8_t *bytes, int32_t i, float value) {
    float_bytes f;
    f.value = value;
    for (int b = 0; b < 4; b++) {
        bytes[4 * i + b] = f.bytes[b];
    }
}

/* One requantized value before the clamp to the output type. */
static int32_t requantize(const tinyml_requantize_s8_params *p, int32_t input) {
    return p->output_zero_point + tinyml_multiply_by_quantized_multiplier_double_rounding(
            input - p->input_zero_point, p->output_multiplier, p->output_shift);
}

void tinyml_requantize_s8(const tinyml_requantize_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = tinyml_clamp_s8(requantize(p, input[i]), -128, 127);
    }
}

void tinyml_requantize_s16_s8(const tinyml_requantize_s8_params *p, const int16_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = tinyml_clamp_s8(requantize(p, input[i]), -128, 127);
    }
}

void tinyml_requantize_s16(const tinyml_requantize_s8_params *p, const int16_t *input, int16_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = tinyml_clamp_s16(requantize(p, input[i]), INT16_MIN, INT16_MAX);
    }
}

/* round (half away from zero) of a value first limited to ±100000 (beyond int16), so no libm and no overflow; NaN
 * gives 0. */
static int32_t round_limited(double value) {
    if (!(value > -100000.0)) {
        return value != value ? 0 : -100000;
    }
    if (value > 100000.0) {
        return 100000;
    }
    const int32_t whole = (int32_t)value; /* truncates toward zero */
    const double fraction = value - (double)whole; /* exact */
    if (fraction >= 0.5) {
        return whole + 1;
    }
    if (fraction <= -0.5) {
        return whole - 1;
    }
    return whole;
}

void tinyml_quantize_f32_s8(const tinyml_quantize_f32_s8_params *p, const void *input, int8_t *output) {
    const uint8_t *in = (const uint8_t *)input;
    for (int32_t i = 0; i < p->size; i++) {
        const float value = load_f32(in, i);
#if TINYML_TFLM_ARITHMETIC
        /* TFLM's AffineQuantize divides in float: near a tie the quotient rounds to it, or away from it. */
        const double quotient = (double)(value / (float)p->scale);
#else
        const double quotient = (double)value / p->scale;
#endif
        output[i] = tinyml_clamp_s8(round_limited(quotient) + p->zero_point, -128, 127);
    }
}

void tinyml_quantize_f32_s16(const tinyml_quantize_f32_s8_params *p, const void *input, int16_t *output) {
    const uint8_t *in = (const uint8_t *)input;
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = tinyml_clamp_s16(round_limited((double)load_f32(in, i) / p->scale) + p->zero_point, INT16_MIN, INT16_MAX);
    }
}

void tinyml_dequantize_s8_f32(const tinyml_dequantize_s8_f32_params *p, const int8_t *input, void *output) {
    uint8_t *out = (uint8_t *)output;
    for (int32_t i = 0; i < p->size; i++) {
        /* One float rounding of the exact product, as the interpreter's double product cast to float. */
        store_f32(out, i, p->scale * (float)(input[i] - p->zero_point));
    }
}

void tinyml_dequantize_s16_f32(const tinyml_dequantize_s8_f32_params *p, const int16_t *input, void *output) {
    uint8_t *out = (uint8_t *)output;
    for (int32_t i = 0; i < p->size; i++) {
        /* The product of a float and a 17-bit integer is exact in double too: one rounding, as for int8. */
        store_f32(out, i, p->scale * (float)(input[i] - p->zero_point));
    }
}
