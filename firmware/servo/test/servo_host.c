/*
 * Host driver for servo.c, so the host's tests can hold the C arithmetic to PanTilt.java's: reads one request a line
 * from stdin and answers one line on stdout. Requests (numbers in decimal):
 *   aim ZP S0..S8        -> PAN TILT
 *   step CURRENT TARGET  -> ANGLE
 *   pulse ANGLE          -> MICROSECONDS
 *   follow ZP S0..S8     -> PAN TILT PAN_PULSE TILT_PULSE, then the 8 encoded bytes in hex (the stand keeps its angles
 *                           from one follow to the next, as the firmware does across frames)
 * Anything else exits with status 2.
 */
#include <stdio.h>
#include <string.h>

#include "servo.h"

static int read_scores(int32_t *zero_point, int8_t scores[SERVO_CELLS])
{
    int i;
    int value;
    if (scanf("%d", &value) != 1) {
        return 0;
    }
    *zero_point = value;
    for (i = 0; i < SERVO_CELLS; i++) {
        if (scanf("%d", &value) != 1 || value < -128 || value > 127) {
            return 0;
        }
        scores[i] = (int8_t)value;
    }
    return 1;
}

int main(void)
{
    servo_state stand = {0, 0};
    char request[16];
    while (scanf("%15s", request) == 1) {
        int32_t zero_point;
        int8_t scores[SERVO_CELLS];
        int a;
        int b;
        if (strcmp(request, "aim") == 0 && read_scores(&zero_point, scores)) {
            int32_t pan;
            int32_t tilt;
            servo_aim(scores, zero_point, &pan, &tilt);
            printf("%ld %ld\n", (long)pan, (long)tilt);
        } else if (strcmp(request, "step") == 0 && scanf("%d %d", &a, &b) == 2) {
            printf("%ld\n", (long)servo_step(a, b));
        } else if (strcmp(request, "pulse") == 0 && scanf("%d", &a) == 1) {
            printf("%u\n", (unsigned)servo_pulse_us(a));
        } else if (strcmp(request, "follow") == 0 && read_scores(&zero_point, scores)) {
            servo_command command;
            uint8_t bytes[SERVO_COMMAND_BYTES];
            int i;
            servo_follow(&stand, scores, zero_point, &command);
            servo_encode(&command, bytes);
            printf("%d %d %u %u", command.pan_cdeg, command.tilt_cdeg, (unsigned)command.pan_pulse_us,
                   (unsigned)command.tilt_pulse_us);
            for (i = 0; i < SERVO_COMMAND_BYTES; i++) {
                printf(" %02x", bytes[i]);
            }
            printf("\n");
        } else {
            fprintf(stderr, "servo_host: bad request '%s'\n", request);
            return 2;
        }
    }
    return 0;
}
