/* TEST FIXTURE (see model.h): a loop of known length for calibrating the instruction counter. */
#include "model.h"

static int8_t buffer[TINYML_MODEL_INPUT_BYTES];

int8_t *tinyml_model_input(void)
{
    return buffer;
}

const int8_t *tinyml_model_output(void)
{
    return buffer;
}

/* Naked, so the compiler adds nothing: 1 (ldr) + 2 * CALIB_ITERATIONS (subs, bne) + 1 (bx lr). */
__attribute__((naked)) void tinyml_model_invoke(void)
{
    __asm__ volatile(
        "ldr  r0, =%c0\n"
        "1:\n"
        "subs r0, r0, #1\n"
        "bne  1b\n"
        "bx   lr\n"
        ".ltorg\n" ::"i"(CALIB_ITERATIONS));
}
