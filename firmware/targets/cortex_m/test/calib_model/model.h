/*
 * TEST FIXTURE, not a real model: calibrates the instruction counter. tinyml_model_invoke runs
 * CALIB_ITERATIONS passes of a two-instruction loop (subs; bne), so an exact counter reports
 * 2 * CALIB_ITERATIONS + 1 (the loop plus the instruction loading the counter; the return is not
 * counted because the runtime subtracts the cost of an empty function). The output is the input.
 * The hash is sha256("tinymlaas test fixture: calib_model").
 */
#ifndef TINYML_MODEL_H
#define TINYML_MODEL_H

#include <stdint.h>

#ifndef CALIB_ITERATIONS
#define CALIB_ITERATIONS 1000
#endif

#define TINYML_MODEL_INPUT_BYTES 4
#define TINYML_MODEL_OUTPUT_BYTES 4
#define TINYML_MODEL_HASH "1534c8b660e573bae7f34df35f324562dd9eadb720a1db2c690760abf54e19e7"

int8_t *tinyml_model_input(void);
const int8_t *tinyml_model_output(void);
void tinyml_model_invoke(void);

#endif
