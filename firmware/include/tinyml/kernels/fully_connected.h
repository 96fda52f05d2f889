/* FULLY_CONNECTED, int8 activations and weights, int32 bias. Parameters are prepared by the compiler. */
#ifndef TINYML_KERNELS_FULLY_CONNECTED_H
#define TINYML_KERNELS_FULLY_CONNECTED_H

#include <stdint.h>

typedef struct {
    int32_t batches;
    int32_t input_depth;
    int32_t output_depth;
    int32_t input_offset;      /* minus the input zero point */
    int32_t output_offset;     /* the output zero point */
    int32_t output_multiplier; /* Q31 */
    int32_t output_shift;      /* positive: left */
    int32_t activation_min;
    int32_t activation_max;
} tinyml_fc_s8_params;

/* weights are [output_depth][input_depth]; bias may be 0. */
void tinyml_fully_connected_s8(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output);

#endif
