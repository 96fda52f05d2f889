/*
 * The reference FULLY_CONNECTED loop, in a header so that the one loop serves both the portable kernel
 * (fully_connected.c here, a thin wrapper) and the Cortex-M kernel's fallback for input offsets beyond its int16
 * lanes (kernels/cortex_m/fully_connected.c), which is linked instead of this folder's .c and so cannot call the
 * portable kernel by its public name. Always inlined: each includer gives the loop its own out-of-line home (the
 * public function here, a noinline helper there), so the code is what it was when each had its own copy.
 */
#ifndef TINYML_KERNELS_REF_FULLY_CONNECTED_REF_H
#define TINYML_KERNELS_REF_FULLY_CONNECTED_REF_H

#include "tinyml/kernels/fully_connected.h"
#include "tinyml/quant.h"

static inline __attribute__((always_inline)) void tinyml_fully_connected_s8_ref(
    const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights, const int32_t *bias,
    int8_t *output) {
    const int32_t depth = params->input_depth;
    for (int32_t b = 0; b < params->batches; b++) {
        const int8_t *row_in = input + b * depth;
        for (int32_t o = 0; o < params->output_depth; o++) {
            const int8_t *row_w = weights + o * depth;
            int32_t acc = bias ? bias[o] : 0;
            for (int32_t i = 0; i < depth; i++) {
                acc += (row_in[i] + params->input_offset) * row_w[i];
            }
            acc = tinyml_multiply_by_quantized_multiplier(acc, params->output_multiplier, params->output_shift);
            output[b * params->output_depth + o] =
                tinyml_clamp_s8(acc + params->output_offset, params->activation_min, params->activation_max);
        }
    }
}

#endif
