/* Portable reference table lookup (int8), used for LOGISTIC and TANH. */
#include "tinyml/kernels/lookup_table.h"

void tinyml_lookup_table_s8(const tinyml_lookup_table_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = p->table[(uint8_t)input[i]];
    }
}
