/* Portable reference ADD (int8 and float32, broadcasting). The element functions are in add_ref.h, shared with the
 * Cortex-M kernel. */
#include "add_ref.h"

void tinyml_add_s8(const tinyml_add_s8_params *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
    tinyml_add_s8_ref(p, input1, input2, output);
}

void tinyml_add_f32(const tinyml_add_f32_params *p, const float *input1, const float *input2, float *output) {
    tinyml_add_f32_ref(p, input1, input2, output);
}
