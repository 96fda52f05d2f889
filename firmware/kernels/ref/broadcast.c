/* The broadcast walk of the int8 binary operators (see tinyml/kernels/broadcast.h). */
#include "tinyml/kernels/broadcast.h"
#include "tinyml/quant.h"

void tinyml_broadcast_s8_apply(const tinyml_broadcast_s8 *s, const int8_t *input1, const int8_t *input2,
                               int8_t *output, tinyml_broadcast_fn fn, const void *params, int32_t act_min,
                               int32_t act_max) {
    int32_t o = 0;
    for (int32_t i0 = 0; i0 < s->dims[0]; i0++) {
        for (int32_t i1 = 0; i1 < s->dims[1]; i1++) {
            for (int32_t i2 = 0; i2 < s->dims[2]; i2++) {
                const int32_t base1 = i0 * s->strides1[0] + i1 * s->strides1[1] + i2 * s->strides1[2];
                const int32_t base2 = i0 * s->strides2[0] + i1 * s->strides2[1] + i2 * s->strides2[2];
                for (int32_t i3 = 0; i3 < s->dims[3]; i3++) {
                    const int32_t value = fn(params, input1[base1 + i3 * s->strides1[3]], input2[base2 + i3 * s->strides2[3]]);
                    output[o++] = tinyml_clamp_s8(value, act_min, act_max);
                }
            }
        }
    }
}
