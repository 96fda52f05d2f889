/*
 * TEST FIXTURE, not a real model: the instruction counter's calibration on the Xtensa proxy. The model runs a loop
 * of n passes of two instructions (addi, bnez), n = 100 * input[0] + input[1]; the output is the input.
 */
#ifndef TINYML_MODEL_H
#define TINYML_MODEL_H

#include <stdint.h>

#define TINYML_MODEL_INPUT_BYTES 2
#define TINYML_MODEL_OUTPUT_BYTES 2
#define TINYML_MODEL_HASH "xtensa-calibration-loop"

int8_t *tinyml_model_input(void);
const int8_t *tinyml_model_output(void);
void tinyml_model_invoke(void);

#endif
