/*
 * FULLY_CONNECTED, int8 activations and weights, int32 bias. Parameters are prepared by the compiler.
 *
 *   output[b][o] = clamp(output_offset + requantize(bias[o] + Σ_i (input[b][i] + input_offset) · weights[o][i]))
 *
 * with requantize = tinyml_multiply_by_quantized_multiplier (quant.h) and clamp to [activation_min,
 * activation_max], exactly as TFLite 2.6 computes it. The compiler folds the input zero point into the bias
 * (bias[o] + input_offset · Σ_i weights[o][i], an array of its own in the generated C; unless a value would
 * not fit int32) and passes input_offset = 0, so the device computes a pure dot product; every kernel must
 * nevertheless give the reference's results for any input_offset. Implementations: kernels/ref (portable,
 * the reference) and kernels/cortex_m (DSP extension / Helium, bit-identical to ref; link one of the two).
 */
#ifndef TINYML_KERNELS_FULLY_CONNECTED_H
#define TINYML_KERNELS_FULLY_CONNECTED_H

#include <stdint.h>

typedef struct {
    int32_t batches;
    int32_t input_depth;
    int32_t output_depth;
    int32_t input_offset;      /* minus the input zero point; 0 when the compiler folded it into bias */
    int32_t output_offset;     /* the output zero point */
    int32_t output_multiplier; /* Q31 */
    int32_t output_shift;      /* positive: left */
    int32_t activation_min;
    int32_t activation_max;
} tinyml_fc_s8_params;

/*
 * float32 (kernels/ref/fully_connected_f32.c, the same on every target): output[b][o] = clamp(Σ_i input[b][i] ·
 * weights[o][i] + bias[o], activation_min, activation_max), the products summed in the order of the interpreter's GEMM
 * (tinyml/gemm_order_f32.h), the bias added last.
 */
typedef struct {
    int32_t batches;
    int32_t input_depth;
    int32_t output_depth;
    float activation_min;
    float activation_max;
} tinyml_fc_f32_params;

void tinyml_fully_connected_f32(const tinyml_fc_f32_params *params, const float *input, const float *weights,
                                const float *bias, float *output);

/* weights are [output_depth][input_depth], input [batches][input_depth], output [batches][output_depth];
 * bias may be 0 (no bias). Input, weights and output need no particular alignment. */
void tinyml_fully_connected_s8(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output);

/*
 * The 16x8 scheme (kernels/ref/fully_connected_s16.c on every target): int16 input and output with zero point 0
 * (input_offset and output_offset 0), int8 weights, an int64 bias; the sum in int64, rescaled with
 * tinyml_multiply_by_quantized_multiplier_s64 (quant_s16.h), as TF Lite 2.6's reference kernel does.
 */
void tinyml_fully_connected_s16(const tinyml_fc_s8_params *params, const int16_t *input, const int8_t *weights,
                                const int64_t *bias, int16_t *output);

#endif
