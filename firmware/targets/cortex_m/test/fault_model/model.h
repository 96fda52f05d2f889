/*
 * TEST FIXTURE, not a real model: misbehaves on purpose so the smoke test can check the runtime's
 * error reports. input[0] == 1: recursion that overruns the stack (ERROR 6
 * "stack overflow"); input[0] == 2: an undefined instruction (ERROR 5 "hard fault"); otherwise the
 * output is the input.
 * The hash is sha256("tinymlaas test fixture: fault_model").
 */
#ifndef TINYML_MODEL_H
#define TINYML_MODEL_H

#include <stdint.h>

#define TINYML_MODEL_INPUT_BYTES 4
#define TINYML_MODEL_OUTPUT_BYTES 4
#define TINYML_MODEL_HASH "b25208fd01404cf07786ade1a64d293b81402a5d79bb99ab69a677ba51f96eb1"

int8_t *tinyml_model_input(void);
const int8_t *tinyml_model_output(void);
void tinyml_model_invoke(void);

#endif
