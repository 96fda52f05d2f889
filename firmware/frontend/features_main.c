/*
 * Host tool for the front end: reads clips of TINYML_FE_CLIP little-endian int16 samples back to back from stdin
 * and writes each clip's TINYML_FE_FRAMES x TINYML_FE_CHANNELS int8 features to stdout, so the host compares bytes.
 */
#include <stdio.h>

#include "frontend.h"

int main(void) {
    static unsigned char bytes[2 * TINYML_FE_CLIP];
    static int16_t clip[TINYML_FE_CLIP];
    static int8_t features[TINYML_FE_FRAMES * TINYML_FE_CHANNELS];
    size_t clips = 0;
    for (;;) {
        size_t got = fread(bytes, 1, sizeof bytes, stdin);
        if (got == 0) {
            break;
        }
        if (got != sizeof bytes) {
            fprintf(stderr, "input ends inside clip %zu: %zu of %zu bytes\n", clips, got, sizeof bytes);
            return 2;
        }
        for (int i = 0; i < TINYML_FE_CLIP; i++) {
            clip[i] = (int16_t)(uint16_t)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
        }
        tinyml_frontend_clip(clip, features);
        if (fwrite(features, 1, sizeof features, stdout) != sizeof features) {
            perror("write");
            return 3;
        }
        clips++;
    }
    fprintf(stderr, "%zu clips\n", clips);
    return 0;
}
