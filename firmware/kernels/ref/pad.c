/* Portable reference PAD (int8 and float32, up to 4-D). */
#include "tinyml/kernels/pad.h"

static int32_t inside(const tinyml_pad_s8_params *p, int d, int32_t index) {
    return index >= p->before[d] && index < p->before[d] + p->input_dims[d];
}

/* Copies elements of `size` bytes; padded elements get the `size` bytes of `pad`. */
static void pad(const tinyml_pad_s8_params *p, const uint8_t *input, uint8_t *output, int32_t size, const uint8_t *pad) {
    const int32_t *in = p->input_dims;
    const int32_t *out = p->output_dims;
    int32_t o = 0;
    for (int32_t i0 = 0; i0 < out[0]; i0++) {
        for (int32_t i1 = 0; i1 < out[1]; i1++) {
            for (int32_t i2 = 0; i2 < out[2]; i2++) {
                const int32_t row = inside(p, 0, i0) && inside(p, 1, i1) && inside(p, 2, i2);
                const int32_t base = row
                        ? (((i0 - p->before[0]) * in[1] + (i1 - p->before[1])) * in[2] + (i2 - p->before[2])) * in[3]
                        : 0;
                for (int32_t i3 = 0; i3 < out[3]; i3++) {
                    const uint8_t *from = row && inside(p, 3, i3) ? input + (base + i3 - p->before[3]) * size : pad;
                    for (int32_t b = 0; b < size; b++) {
                        output[o++] = from[b];
                    }
                }
            }
        }
    }
}

void tinyml_pad_s8(const tinyml_pad_s8_params *p, const int8_t *input, int8_t *output) {
    const uint8_t value = (uint8_t)(int8_t)p->pad_value;
    pad(p, (const uint8_t *)input, (uint8_t *)output, 1, &value);
}

void tinyml_pad_f32(const tinyml_pad_s8_params *p, const float *input, float *output) {
    static const float zero = 0.0f;
    pad(p, (const uint8_t *)input, (uint8_t *)output, (int32_t)sizeof(float), (const uint8_t *)&zero);
}
