/*
 * CONCATENATION, int8, along one axis. All inputs and the output share one quantization (TF Lite 2.6 requires it
 * for int8, and the compiler checks), so it is a byte copy: for each of outer_size slices (the product of the
 * dimensions before the axis), input i contributes copy_sizes[i] consecutive bytes (its axis dimension times the
 * product of the dimensions after the axis).
 */
#ifndef TINYML_KERNELS_CONCATENATION_H
#define TINYML_KERNELS_CONCATENATION_H

#include <stdint.h>

typedef struct {
    int32_t input_count;
    int32_t outer_size;
    const int32_t *copy_sizes;       /* [input_count] */
    const int8_t *const *inputs;     /* [input_count] */
} tinyml_concatenation_s8_params;

void tinyml_concatenation_s8(const tinyml_concatenation_s8_params *params, int8_t *output);

#endif
