/*
 * Face following in one INFER: the compiled face-position network, then the pan/tilt servo step (servo.c), as the
 * board's model, so the board runtime (firmware/targets/cortex_m/main.c) takes one camera frame and answers the
 * network's int8 cell scores followed by the servo command (SERVO_COMMAND_BYTES), both in one RESULT. The servo state
 * lives here across INFERs, as it would across frames on a real stand: the board must be rebooted to start again.
 * The firmware build copies this file in as model.c, beside a model.h that FaceFollowerModel.java writes (with the
 * scores' zero point) and firmware/network/network.c, which brings in the network under the tinyml_network_ names.
 */
#include <string.h>

#include "model.h"
#include "servo.h"

#if TINYML_NETWORK_OUTPUT_BYTES != SERVO_CELLS
#error "the face-position network must answer one score per cell"
#endif
#if TINYML_MODEL_OUTPUT_BYTES != SERVO_CELLS + SERVO_COMMAND_BYTES || TINYML_MODEL_INPUT_BYTES != TINYML_NETWORK_INPUT_BYTES
#error "model.h and the face-position network disagree on the sizes"
#endif

int8_t *tinyml_network_input(void);
const int8_t *tinyml_network_output(void);
void tinyml_network_invoke(void);

static servo_state s_servos;
static int8_t s_output[TINYML_MODEL_OUTPUT_BYTES];

int8_t *tinyml_model_input(void)
{
    return tinyml_network_input();
}

const int8_t *tinyml_model_output(void)
{
    return s_output;
}

/* s_servos starts at zero, as static storage does: both servos straight ahead, as after power-on. */
void tinyml_model_invoke(void)
{
    servo_command command;
    tinyml_network_invoke();
    memcpy(s_output, tinyml_network_output(), SERVO_CELLS);
    servo_follow(&s_servos, tinyml_network_output(), TINYML_FACE_SCORE_ZERO_POINT, &command);
    servo_encode(&command, (uint8_t *)s_output + SERVO_CELLS);
}
