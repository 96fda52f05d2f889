package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The servo command as the face-following firmware sends it after the cell scores. */
class ServoCommandTest {

    @Test
    void itIsDecodedLittleEndianWithSignedAnglesAndUnsignedPulsesAfterTheScores() {
        byte[] answer = new byte[9 + 8];
        byte[] command = {(byte) 0x83, 0x05, 0x7d, (byte) 0xfa, 0x2a, 0x06, (byte) 0x8e, 0x05};
        System.arraycopy(command, 0, answer, 9, 8);
        ServoCommand c = ServoCommand.decode(answer, 9);
        assertThat(c).isEqualTo(new ServoCommand(1411, -1411, 1578, 1422));
        assertThat(c.panDegrees()).isEqualTo(14.11);
        assertThat(c.tiltDegrees()).isEqualTo(-14.11);
        assertThat(c.panDutyPercent()).isEqualTo(7.89);
        assertThat(c.tiltDutyPercent()).isEqualTo(7.11);
    }

    @Test
    void anAnswerTooShortForACommandIsRefusedWithItsLength() {
        assertThatThrownBy(() -> ServoCommand.decode(new byte[12], 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a servo command takes 8 bytes from byte 9; the answer has 12");
    }
}
