/*
 * TEST FIXTURE, not a real model: a stand-in for the output of the model compiler, used by
 * run_qemu_smoke.sh to exercise the board runtime. output[i] = saturate_int8(2 * input[i]).
 * The hash is sha256("tinymlaas test fixture: fake_model"), there being no .tflite behind it.
 */
#ifndef TINYML_MODEL_H
#define TINYML_MODEL_H

#include <stdint.h>

#define TINYML_MODEL_INPUT_BYTES 16
#define TINYML_MODEL_OUTPUT_BYTES 16
#define TINYML_MODEL_HASH "cb3698dbe6e9c70856e6da36debe866f384c7d19842eea54058bbc2bcd853d48"

int8_t *tinyml_model_input(void);
const int8_t *tinyml_model_output(void);
void tinyml_model_invoke(void);

#endif
