/* TEST FIXTURE (see model.h): output[i] = saturate_int8(2 * input[i]). */
#include "model.h"

static int8_t input[TINYML_MODEL_INPUT_BYTES];
static int8_t output[TINYML_MODEL_OUTPUT_BYTES];

int8_t *tinyml_model_input(void)
{
    return input;
}

const int8_t *tinyml_model_output(void)
{
    return output;
}

void tinyml_model_invoke(void)
{
    int i;
    for (i = 0; i < TINYML_MODEL_OUTPUT_BYTES; i++) {
        int v = 2 * input[i];
        output[i] = (int8_t)(v > 127 ? 127 : (v < -128 ? -128 : v));
    }
}
