/* Portable reference FULLY_CONNECTED: the plain C every optimized variant is checked against. The loop is in
 * fully_connected_ref.h, shared with the Cortex-M kernel's fallback. */
#include "fully_connected_ref.h"

void tinyml_fully_connected_s8(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                               const int32_t *bias, int8_t *output) {
    tinyml_fully_connected_s8_ref(params, input, weights, bias, output);
}
