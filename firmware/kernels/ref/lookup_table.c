/* Portable reference table lookup (int8), used for LOGISTIC and TANH, and their float32 versions (libm). */
#include <math.h>

#include "tinyml/kernels/lookup_table.h"

void tinyml_lookup_table_s8(const tinyml_lookup_table_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = p->table[(uint8_t)input[i]];
    }
}

void tinyml_logistic_f32(int32_t size, const float *input, float *output) {
    for (int32_t i = 0; i < size; i++) {
        output[i] = 1.0f / (1.0f + expf(-input[i]));
    }
}

void tinyml_tanh_f32(int32_t size, const float *input, float *output) {
    for (int32_t i = 0; i < size; i++) {
        output[i] = tanhf(input[i]);
    }
}
