/*
 * The shape walk shared by the int8 binary operators (ADD, MUL): both operands and the output are seen as 4-D
 * (shapes right-aligned, missing leading dimensions 1). The compiler prepares the output dimensions and, per operand,
 * the element stride of every dimension, 0 where the operand is broadcast along it. Equal shapes, scalars and any
 * NumPy-style broadcast of up to four dimensions are thus one loop.
 */
#ifndef TINYML_KERNELS_BROADCAST_H
#define TINYML_KERNELS_BROADCAST_H

#include <stdint.h>

typedef struct {
    int32_t dims[4];    /* output dimensions, outermost first */
    int32_t strides1[4]; /* element strides of input 1 per output dimension (0 = broadcast) */
    int32_t strides2[4]; /* the same for input 2 */
} tinyml_broadcast_s8;

/* The value of one output element from its two operands (int8 values widened), before the activation clamp. */
typedef int32_t (*tinyml_broadcast_fn)(const void *params, int32_t x1, int32_t x2);

/* Walks the output in order, calling fn on each pair of (broadcast) operands and clamping to [act_min, act_max]. */
void tinyml_broadcast_s8_apply(const tinyml_broadcast_s8 *shape, const int8_t *input1, const int8_t *input2,
                               int8_t *output, tinyml_broadcast_fn fn, const void *params, int32_t act_min,
                               int32_t act_max);

/* The float32 counterpart (ADD, MUL on float tensors): fn computes one output value, clamped to [act_min, act_max]. */
typedef float (*tinyml_broadcast_f32_fn)(float x1, float x2);

void tinyml_broadcast_f32_apply(const tinyml_broadcast_s8 *shape, const float *input1, const float *input2, float *output,
                                tinyml_broadcast_f32_fn fn, float act_min, float act_max);

/* The int16 counterpart (the 16x8 scheme's ADD): int16 operands widened for fn, results clamped to [act_min, act_max]. */
void tinyml_broadcast_s16_apply(const tinyml_broadcast_s8 *shape, const int16_t *input1, const int16_t *input2,
                                int16_t *output, tinyml_broadcast_fn fn, const void *params, int32_t act_min,
                                int32_t act_max);

#endif
