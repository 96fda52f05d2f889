#include "model.h"

static int8_t s_io[TINYML_MODEL_INPUT_BYTES];

int8_t *tinyml_model_input(void)
{
    return s_io;
}

const int8_t *tinyml_model_output(void)
{
    return s_io;
}

void tinyml_model_invoke(void)
{
    int passes = 100 * s_io[0] + s_io[1];
    __asm__ volatile("1: addi %0, %0, -1\n"
                     "   bnez %0, 1b\n"
                     : "+r"(passes));
}
