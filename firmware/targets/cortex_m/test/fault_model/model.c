/* TEST FIXTURE (see model.h): overruns the stack or faults on purpose. */
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

/* Each level keeps 64 bytes of locals live: 200 levels need far more than the default 2 KiB stack. */
static int __attribute__((noinline)) recurse(int depth)
{
    volatile int8_t frame[64];
    int i;
    for (i = 0; i < 64; i++) {
        frame[i] = (int8_t)(depth + i);
    }
    return depth <= 0 ? frame[0] : recurse(depth - 1) + frame[63];
}

void tinyml_model_invoke(void)
{
    int i;
    if (input[0] == 1) {
        output[0] = (int8_t)recurse(200);
    } else if (input[0] == 2) {
        __builtin_trap(); /* udf: UsageFault, escalated to HardFault (the fault enables are off) */
    }
    for (i = 0; i < TINYML_MODEL_OUTPUT_BYTES; i++) {
        output[i] = input[i];
    }
}
