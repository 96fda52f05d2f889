/*
 * Keyword spotting in one INFER: the front end and the compiled keyword network together as the board's model, so the
 * board runtime (firmware/targets/cortex_m/main.c) takes one clip of TINYML_FE_CLIP little-endian int16 samples and
 * answers the network's int8 class scores. The firmware build copies this file in as model.c, beside a model.h that
 * KeywordSpotterModel.java writes and firmware/network/network.c, which brings in the network under the tinyml_network_ names.
 */
#include "model.h"

#include "frontend.h"

#if TINYML_MODEL_INPUT_BYTES != 2 * TINYML_FE_CLIP
#error "model.h and frontend.h disagree on the clip size"
#endif
#if TINYML_NETWORK_INPUT_BYTES != TINYML_FE_FRAMES * TINYML_FE_CHANNELS
#error "the keyword network does not take the front end's features as its input"
#endif
#if TINYML_NETWORK_OUTPUT_BYTES != TINYML_MODEL_OUTPUT_BYTES
#error "model.h and the keyword network disagree on the number of scores"
#endif

int8_t *tinyml_network_input(void);
const int8_t *tinyml_network_output(void);
void tinyml_network_invoke(void);

static int16_t clip[TINYML_FE_CLIP];

int8_t *tinyml_model_input(void)
{
    return (int8_t *)clip;
}

const int8_t *tinyml_model_output(void)
{
    return tinyml_network_output();
}

/* The features are the network's int8 input as they are, so the front end writes them straight into its arena. */
void tinyml_model_invoke(void)
{
    tinyml_frontend_clip(clip, tinyml_network_input());
    tinyml_network_invoke();
}
