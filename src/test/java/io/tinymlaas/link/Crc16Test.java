package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {

    @Test
    void checkValueOf123456789Is0x29B1() {
        assertThat(Crc16.compute("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
    }

    @Test
    void emptyInputLeavesTheInitialValue() {
        assertThat(Crc16.compute(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void byteByByteUpdatesEqualOneShotComputation() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 11);
        }
        int crc = Crc16.INIT;
        for (byte b : data) {
            crc = Crc16.update(crc, b);
        }
        assertThat(crc).isEqualTo(Crc16.compute(data));
        assertThat(Crc16.update(Crc16.compute(data, 0, 100), data, 100, 200)).isEqualTo(Crc16.compute(data));
    }

    @Test
    void matchesABitwiseReferenceForEverySingleByte() {
        for (int v = 0; v < 256; v++) {
            int reference = 0xFFFF ^ (v << 8);
            for (int bit = 0; bit < 8; bit++) {
                reference = (reference & 0x8000) != 0 ? ((reference << 1) ^ 0x1021) & 0xFFFF : (reference << 1) & 0xFFFF;
            }
            assertThat(Crc16.compute(new byte[] {(byte) v})).as("byte 0x%02X", v).isEqualTo(reference);
        }
    }
}
