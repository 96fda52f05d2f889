package io.tinymlaas.device.firmware;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the face-following firmware tells its two servos after a frame, as it sends it over the UART after the cell
 * scores (firmware/servo/servo.h, {@code servo_encode}): the pan and tilt angles in centidegrees (pan positive to the
 * right, tilt upwards) and each servo's pulse width in microseconds of its {@value PanTilt#PERIOD_US} µs period.
 */
public record ServoCommand(int panCdeg, int tiltCdeg, int panPulseUs, int tiltPulseUs) {

    /** The command in a board's answer, {@code offset} bytes in. */
    public static ServoCommand decode(byte[] answer, int offset) {
        if (answer.length < offset + PanTilt.COMMAND_BYTES) {
            throw new IllegalArgumentException("a servo command takes " + PanTilt.COMMAND_BYTES + " bytes from byte " + offset
                    + "; the answer has " + answer.length);
        }
        ByteBuffer b = ByteBuffer.wrap(answer, offset, PanTilt.COMMAND_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        return new ServoCommand(b.getShort(), b.getShort(), Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort()));
    }

    public double panDegrees() {
        return panCdeg / 100.0;
    }

    public double tiltDegrees() {
        return tiltCdeg / 100.0;
    }

    /** The pan servo's PWM duty cycle, in percent of the period. */
    public double panDutyPercent() {
        return 100.0 * panPulseUs / PanTilt.PERIOD_US;
    }

    public double tiltDutyPercent() {
        return 100.0 * tiltPulseUs / PanTilt.PERIOD_US;
    }
}
