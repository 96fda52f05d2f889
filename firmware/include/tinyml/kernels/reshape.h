/*
 * RESHAPE (and any other operator that only reinterprets a tensor's bytes): copies `bytes` bytes. The copy is
 * correct for any overlap of input and output, and does nothing when the compiler placed both at the same offset.
 */
#ifndef TINYML_KERNELS_RESHAPE_H
#define TINYML_KERNELS_RESHAPE_H

#include <stdint.h>

void tinyml_reshape(const int8_t *input, int8_t *output, int32_t bytes);

#endif
