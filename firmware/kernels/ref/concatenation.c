/* Portable reference CONCATENATION (int8). */
#include "tinyml/kernels/concatenation.h"

void tinyml_concatenation_s8(const tinyml_concatenation_s8_params *p, int8_t *output) {
    int32_t o = 0;
    for (int32_t outer = 0; outer < p->outer_size; outer++) {
        for (int32_t i = 0; i < p->input_count; i++) {
            const int32_t size = p->copy_sizes[i];
            const int8_t *in = p->inputs[i] + outer * size;
            for (int32_t k = 0; k < size; k++) {
                output[o++] = in[k];
            }
        }
    }
}
