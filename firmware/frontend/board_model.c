/*
 * The front end in the place of a model, so the board runtime (firmware/targets/cortex_m/main.c) serves it over
 * the UART like any compiled network: the input is one clip of TINYML_FE_CLIP little-endian int16 samples (the
 * Cortex-M byte order, so the received bytes are the samples), the output its int8 features, frame-major.
 * The firmware build copies this file in as model.c, beside a model.h that FrontEndModel.java writes.
 */
#include "model.h"

#include "frontend.h"

#if TINYML_MODEL_INPUT_BYTES != 2 * TINYML_FE_CLIP || TINYML_MODEL_OUTPUT_BYTES != TINYML_FE_FRAMES * TINYML_FE_CHANNELS
#error "model.h and frontend.h disagree on the clip or feature size"
#endif

static int16_t clip[TINYML_FE_CLIP];
static int8_t features[TINYML_FE_FRAMES * TINYML_FE_CHANNELS];

int8_t *tinyml_model_input(void)
{
    return (int8_t *)clip;
}

const int8_t *tinyml_model_output(void)
{
    return features;
}

void tinyml_model_invoke(void)
{
    tinyml_frontend_clip(clip, features);
}
