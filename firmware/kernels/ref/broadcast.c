/* The broadcast walk of the binary operators (see tinyml/kernels/broadcast.h). */
#include "tinyml/kernels/broadcast.h"
#include "tinyml/activation_f32.h"
#include "tinyml/quant.h"
#include "tinyml/quant_s16.h"

/* Visits the output in order; i1 and i2 are the (broadcast) element indexes of the two operands. */
#define TINYML_BROADCAST_FOR_EACH(s, i1, i2)                                                                     \
    for (int32_t d0 = 0; d0 < (s)->dims[0]; d0++)                                                                \
        for (int32_t d1 = 0; d1 < (s)->dims[1]; d1++)                                                            \
            for (int32_t d2 = 0; d2 < (s)->dims[2]; d2++)                                                        \
                for (int32_t d3 = 0, i1 = d0 * (s)->strides1[0] + d1 * (s)->strides1[1] + d2 * (s)->strides1[2], \
                             i2 = d0 * (s)->strides2[0] + d1 * (s)->strides2[1] + d2 * (s)->strides2[2];          \
                     d3 < (s)->dims[3]; d3++, i1 += (s)->strides1[3], i2 += (s)->strides2[3])

void tinyml_broadcast_s8_apply(const tinyml_broadcast_s8 *s, const int8_t *input1, const int8_t *input2,
                               int8_t *output, tinyml_broadcast_fn fn, const void *params, int32_t act_min,
                               int32_t act_max) {
    int32_t o = 0;
    TINYML_BROADCAST_FOR_EACH(s, i1, i2) {
        output[o++] = tinyml_clamp_s8(fn(params, input1[i1], input2[i2]), act_min, act_max);
    }
}

void tinyml_broadcast_f32_apply(const tinyml_broadcast_s8 *s, const float *input1, const float *input2, float *output,
                                tinyml_broadcast_f32_fn fn, float act_min, float act_max) {
    int32_t o = 0;
    TINYML_BROADCAST_FOR_EACH(s, i1, i2) {
        output[o++] = tinyml_clamp_f32(fn(input1[i1], input2[i2]), act_min, act_max);
    }
}

void tinyml_broadcast_s16_apply(const tinyml_broadcast_s8 *s, const int16_t *input1, const int16_t *input2,
                                int16_t *output, tinyml_broadcast_fn fn, const void *params, int32_t act_min,
                                int32_t act_max) {
    int32_t o = 0;
    TINYML_BROADCAST_FOR_EACH(s, i1, i2) {
        output[o++] = tinyml_clamp_s16(fn(params, input1[i1], input2[i2]), act_min, act_max);
    }
}
