/* Portable reference AVERAGE_POOL_2D and MAX_POOL_2D (int8 and float32). The loops are in pooling_ref.h, shared
 * with the Cortex-M kernel. */
#include "pooling_ref.h"

void tinyml_average_pool_s8(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output) {
    tinyml_pool_s8_ref(p, input, output, 1);
}

void tinyml_max_pool_s8(const tinyml_pool_s8_params *p, const int8_t *input, int8_t *output) {
    tinyml_pool_s8_ref(p, input, output, 0);
}

void tinyml_average_pool_f32(const tinyml_pool_f32_params *p, const float *input, float *output) {
    tinyml_pool_f32_ref(p, input, output, 1);
}

void tinyml_max_pool_f32(const tinyml_pool_f32_params *p, const float *input, float *output) {
    tinyml_pool_f32_ref(p, input, output, 0);
}
