#include "servo.h"

/* a / b rounded half up, for a >= 0 and b > 0 */
static int32_t divide_rounded(int32_t a, int32_t b)
{
    return (a + b / 2) / b;
}

void servo_aim(const int8_t scores[SERVO_CELLS], int32_t zero_point, int32_t *pan_cdeg, int32_t *tilt_cdeg)
{
    /* Cell centres sit at (2k + 1) / 6 of the frame, so the sums below are positions in sixths times the weight. */
    int32_t total = 0;
    int32_t x = 0;
    int32_t y = 0;
    int i;
    for (i = 0; i < SERVO_CELLS; i++) {
        int32_t weight = (int32_t)scores[i] - zero_point;
        if (weight > 0) {
            total += weight;
            x += weight * (2 * (i % SERVO_GRID) + 1);
            y += weight * (2 * (i / SERVO_GRID) + 1);
        }
    }
    if (total == 0) {
        *pan_cdeg = 0;
        *tilt_cdeg = 0;
        return;
    }
    *pan_cdeg = divide_rounded(x * SERVO_FIELD_OF_VIEW_CDEG, 2 * SERVO_GRID * total) - SERVO_FIELD_OF_VIEW_CDEG / 2;
    *tilt_cdeg = SERVO_FIELD_OF_VIEW_CDEG / 2 - divide_rounded(y * SERVO_FIELD_OF_VIEW_CDEG, 2 * SERVO_GRID * total);
}

int32_t servo_step(int32_t current, int32_t target)
{
    if (target > current + SERVO_MAX_STEP_CDEG) {
        return current + SERVO_MAX_STEP_CDEG;
    }
    if (target < current - SERVO_MAX_STEP_CDEG) {
        return current - SERVO_MAX_STEP_CDEG;
    }
    return target;
}

uint16_t servo_pulse_us(int32_t cdeg)
{
    int32_t clamped = cdeg < -SERVO_RANGE_CDEG ? -SERVO_RANGE_CDEG : cdeg > SERVO_RANGE_CDEG ? SERVO_RANGE_CDEG : cdeg;
    return (uint16_t)(SERVO_MIN_PULSE_US + divide_rounded((clamped + SERVO_RANGE_CDEG) * (SERVO_MAX_PULSE_US - SERVO_MIN_PULSE_US),
                                                          2 * SERVO_RANGE_CDEG));
}

void servo_follow(servo_state *state, const int8_t scores[SERVO_CELLS], int32_t zero_point, servo_command *out)
{
    int32_t pan;
    int32_t tilt;
    servo_aim(scores, zero_point, &pan, &tilt);
    state->pan_cdeg = servo_step(state->pan_cdeg, pan);
    state->tilt_cdeg = servo_step(state->tilt_cdeg, tilt);
    out->pan_cdeg = (int16_t)state->pan_cdeg;
    out->tilt_cdeg = (int16_t)state->tilt_cdeg;
    out->pan_pulse_us = servo_pulse_us(state->pan_cdeg);
    out->tilt_pulse_us = servo_pulse_us(state->tilt_cdeg);
}

static void put_u16(uint8_t *out, uint16_t value)
{
    out[0] = (uint8_t)value;
    out[1] = (uint8_t)(value >> 8);
}

void servo_encode(const servo_command *command, uint8_t out[SERVO_COMMAND_BYTES])
{
    put_u16(out, (uint16_t)command->pan_cdeg);
    put_u16(out + 2, (uint16_t)command->tilt_cdeg);
    put_u16(out + 4, command->pan_pulse_us);
    put_u16(out + 6, command->tilt_pulse_us);
}
