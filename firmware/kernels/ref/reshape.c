/* Portable reference RESHAPE: a byte copy (no libc, so it links on any target). */
#include "tinyml/kernels/reshape.h"

void tinyml_reshape(const int8_t *input, int8_t *output, int32_t bytes) {
    if (input == output) {
        return;
    }
    if (output < input) {
        for (int32_t i = 0; i < bytes; i++) {
            output[i] = input[i];
        }
    } else {
        for (int32_t i = bytes - 1; i >= 0; i--) {
            output[i] = input[i];
        }
    }
}
