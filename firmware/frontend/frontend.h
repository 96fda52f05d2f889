/*
 * The micro_speech audio front end: one second of 16 kHz mono 16-bit audio becomes 49 frames x 40 channels of int8
 * log filterbank energies (30 ms Hann windows every 20 ms, 512-point FFT, 40 mel-spaced triangles from 125 to
 * 7,500 Hz, log2 energy at about 0.5 dB per level), which are the model's int8 input as they are. Integer
 * arithmetic only, the same statements as io.tinymlaas.data.audio.FrontEnd, so both give the same bytes.
 */
#ifndef TINYML_FRONTEND_H
#define TINYML_FRONTEND_H

#include <stdint.h>

#define TINYML_FE_SAMPLE_RATE 16000
#define TINYML_FE_WINDOW 480
#define TINYML_FE_STRIDE 320
#define TINYML_FE_CHANNELS 40
#define TINYML_FE_CLIP 16000
#define TINYML_FE_FRAMES ((TINYML_FE_CLIP - TINYML_FE_WINDOW) / TINYML_FE_STRIDE + 1)

/* Features of one 30 ms window of TINYML_FE_WINDOW samples: TINYML_FE_CHANNELS int8 levels. Not reentrant: the
 * FFT works in static buffers (4 KiB) rather than on a small device stack. */
void tinyml_frontend_frame(const int16_t *window, int8_t *features);

/* Features of one clip of TINYML_FE_CLIP samples, frame-major: features[frame * TINYML_FE_CHANNELS + channel]. */
void tinyml_frontend_clip(const int16_t *clip, int8_t *features);

#endif
