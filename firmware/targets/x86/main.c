/*
 * x86 host for a compiled model: reads input tensors back to back from stdin, runs one inference per tensor
 * and writes the output tensors back to back to stdout. Binary in, binary out, so the host compares bytes.
 */
#include <stdio.h>
#include <string.h>

#include "model.h"

int main(void) {
    unsigned char input[TINYML_MODEL_INPUT_BYTES];
    size_t inferences = 0;
    for (;;) {
        size_t got = fread(input, 1, sizeof input, stdin);
        if (got == 0) {
            break;
        }
        if (got != sizeof input) {
            fprintf(stderr, "input ends inside tensor %zu: %zu of %d bytes\n", inferences, got, TINYML_MODEL_INPUT_BYTES);
            return 2;
        }
        memcpy(tinyml_model_input(), input, sizeof input);
        tinyml_model_invoke();
        if (fwrite(tinyml_model_output(), 1, TINYML_MODEL_OUTPUT_BYTES, stdout) != TINYML_MODEL_OUTPUT_BYTES) {
            perror("write");
            return 3;
        }
        inferences++;
    }
    fprintf(stderr, "%zu inferences\n", inferences);
    return 0;
}
