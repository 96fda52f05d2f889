package io.tinymlaas.device.firmware;

/**
 * The pan/tilt arithmetic of the face-following firmware (firmware/servo/servo.c), to the unit, with the same constants
 * as servo.h: the host predicts with it what the board must send, and what an ideal face finder would make the servos
 * do. Angles in centidegrees, pan positive to the right, tilt upwards; positions in fractions of the frame, y down.
 * An instance is one stand: it remembers where its servos point, as the firmware does across frames.
 */
public final class PanTilt {

    public static final int GRID = 3;
    public static final int CELLS = GRID * GRID;
    /** The camera sees 60° across its square frame, both ways. */
    public static final int FIELD_OF_VIEW_CDEG = 6000;
    /** A new frame, so a new aim, every 40 ms. */
    public static final int FRAME_MS = 40;
    /** An MG996R-class servo at 4.8 V: 0.17 s per 60°. */
    public static final int MS_PER_60_DEGREES = 170;
    /** 14.11°: the most an angle may change between two frames. */
    public static final int MAX_STEP_CDEG = 6000 * FRAME_MS / MS_PER_60_DEGREES;
    public static final int PERIOD_US = 20000;
    public static final int MIN_PULSE_US = 1000;
    public static final int MAX_PULSE_US = 2000;
    public static final int RANGE_CDEG = 9000;
    public static final int COMMAND_BYTES = 8;

    private int panCdeg;
    private int tiltCdeg;

    /** The angles {pan, tilt} that point at the score-weighted mean of the cell centres (servo_aim). */
    public static int[] aim(byte[] scores, int zeroPoint) {
        int total = 0;
        int x = 0;
        int y = 0;
        for (int i = 0; i < CELLS; i++) {
            int weight = scores[i] - zeroPoint;
            if (weight > 0) {
                total += weight;
                x += weight * (2 * (i % GRID) + 1);
                y += weight * (2 * (i / GRID) + 1);
            }
        }
        if (total == 0) {
            return new int[] {0, 0};
        }
        return new int[] {rounded(x * FIELD_OF_VIEW_CDEG, 2 * GRID * total) - FIELD_OF_VIEW_CDEG / 2,
                FIELD_OF_VIEW_CDEG / 2 - rounded(y * FIELD_OF_VIEW_CDEG, 2 * GRID * total)};
    }

    /** The angles {pan, tilt} that point at a position in the frame, to the nearest centidegree. */
    public static int[] aimAt(double x, double y) {
        return new int[] {(int) Math.round((x - 0.5) * FIELD_OF_VIEW_CDEG), (int) Math.round((0.5 - y) * FIELD_OF_VIEW_CDEG)};
    }

    /** One frame's move from {@code current} towards {@code target} (servo_step). */
    public static int step(int current, int target) {
        return Math.max(current - MAX_STEP_CDEG, Math.min(current + MAX_STEP_CDEG, target));
    }

    /** The pulse width for an angle, clamped to the servo's range (servo_pulse_us). */
    public static int pulseUs(int cdeg) {
        int clamped = Math.max(-RANGE_CDEG, Math.min(RANGE_CDEG, cdeg));
        return MIN_PULSE_US + rounded((clamped + RANGE_CDEG) * (MAX_PULSE_US - MIN_PULSE_US), 2 * RANGE_CDEG);
    }

    /** Moves both servos one step towards {pan, tilt} and says what they are told (servo_follow after servo_aim). */
    public ServoCommand follow(int[] aim) {
        panCdeg = step(panCdeg, aim[0]);
        tiltCdeg = step(tiltCdeg, aim[1]);
        return new ServoCommand(panCdeg, tiltCdeg, pulseUs(panCdeg), pulseUs(tiltCdeg));
    }

    /** a / b rounded half up, for a >= 0 and b > 0, as C's integer division does it there. */
    private static int rounded(int a, int b) {
        return (a + b / 2) / b;
    }
}
