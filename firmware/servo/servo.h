/*
 * Pan/tilt servos that follow a face: the face-position model's 3 x 3 cell scores become where the face is, that
 * becomes the pan and tilt angles that point at it, and each angle moves towards its aim no faster than a hobby servo
 * turns between two camera frames. Each angle is then the pulse width of a 50 Hz servo signal (its PWM duty).
 *
 * Integer arithmetic only, every division rounded half up on non-negative numbers, so that the host can predict every
 * angle and pulse to the unit (PanTilt.java holds the same arithmetic and the same constants). Portable C99: the same
 * file is built into the Cortex-M firmware and into a host test.
 */
#ifndef TINYML_SERVO_H
#define TINYML_SERVO_H

#include <stdint.h>

/* Angles are in centidegrees: pan positive to the right, tilt positive upwards, 0 straight ahead. */
#define SERVO_GRID 3
#define SERVO_CELLS (SERVO_GRID * SERVO_GRID)
/* The camera sees 60 degrees across its square frame, both ways: a face at the frame's edge is 30 degrees off. */
#define SERVO_FIELD_OF_VIEW_CDEG 6000
/* One camera frame, so one new aim, every 40 ms (25 frames per second). */
#define SERVO_FRAME_MS 40
/* An MG996R-class servo at 4.8 V turns 60 degrees in 0.17 s with no load; it cannot be asked to go faster. */
#define SERVO_MS_PER_60_DEGREES 170
/* So between two frames an angle may change by at most 14.11 degrees. */
#define SERVO_MAX_STEP_CDEG ((6000 * SERVO_FRAME_MS) / SERVO_MS_PER_60_DEGREES)
/* The standard hobby servo signal: a pulse every 20 ms, 1.0 ms for -90 degrees to 2.0 ms for +90 degrees. */
#define SERVO_PERIOD_US 20000
#define SERVO_MIN_PULSE_US 1000
#define SERVO_MAX_PULSE_US 2000
#define SERVO_RANGE_CDEG 9000
/* The bytes servo_encode writes. */
#define SERVO_COMMAND_BYTES 8

/* Where both servos point now; all zero is straight ahead, as after power-on. */
typedef struct {
    int32_t pan_cdeg;
    int32_t tilt_cdeg;
} servo_state;

/* What the servos are told after a frame: both angles, and the pulse width (duty = pulse / period) for each. */
typedef struct {
    int16_t pan_cdeg;
    int16_t tilt_cdeg;
    uint16_t pan_pulse_us;
    uint16_t tilt_pulse_us;
} servo_command;

/*
 * Where the scores say the face is, as the angles that point at it: the score-weighted mean of the cell centres
 * (scores are int8 with zero_point as their zero, cells row-major from the top left), mapped linearly across the
 * field of view. Scores that are all at zero (or below) aim straight ahead.
 */
void servo_aim(const int8_t scores[SERVO_CELLS], int32_t zero_point, int32_t *pan_cdeg, int32_t *tilt_cdeg);

/* One frame's move from current towards target, at most SERVO_MAX_STEP_CDEG either way. */
int32_t servo_step(int32_t current, int32_t target);

/* The pulse width for an angle, clamped to the servo's range. */
uint16_t servo_pulse_us(int32_t cdeg);

/* Aims at the face in this frame's scores, moves both angles one rate-limited step and says what the servos get. */
void servo_follow(servo_state *state, const int8_t scores[SERVO_CELLS], int32_t zero_point, servo_command *out);

/* The command as SERVO_COMMAND_BYTES little-endian bytes: pan, tilt (int16 centidegrees), pan pulse, tilt pulse (uint16 us). */
void servo_encode(const servo_command *command, uint8_t out[SERVO_COMMAND_BYTES]);

#endif
