package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntelHexTest {

    private static List<String> lines(String hex) {
        assertThat(hex).endsWith("\n");
        return hex.lines().toList();
    }

    /** The bytes of one record, checked: starts with ':', the length field matches, the bytes sum to 0 mod 256. */
    private static byte[] checkedRecord(String line) {
        assertThat(line).startsWith(":").matches(":[0-9A-F]+");
        byte[] bytes = HexFormat.of().parseHex(line.substring(1));
        assertThat(bytes.length).isEqualTo(5 + (bytes[0] & 0xFF));
        int sum = 0;
        for (byte b : bytes) {
            sum += b & 0xFF;
        }
        assertThat(sum & 0xFF).as("checksum of %s", line).isZero();
        return bytes;
    }

    @Test
    void aSmallImageIsAnExtendedAddressADataRecordPerSixteenBytesAndTheEndRecord() {
        byte[] image = new byte[20];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) i;
        }
        List<String> lines = lines(IntelHex.encode(image, 0x0801_0000L));

        assertThat(lines).containsExactly(
                ":020000040801F1",
                ":10000000000102030405060708090A0B0C0D0E0F78",
                ":0400100010111213A6",
                ":00000001FF");
        lines.forEach(IntelHexTest::checkedRecord);
    }

    @Test
    void aRecordNeverCrossesA64KiBBoundaryAndTheUpperAddressIsAnnouncedAgain() {
        byte[] image = new byte[32];
        List<String> lines = lines(IntelHex.encode(image, 0xFFF8L));

        assertThat(lines).hasSize(6);
        byte[] first = checkedRecord(lines.get(1));
        assertThat(first[0]).as("bytes up to 0xFFFF only").isEqualTo((byte) 8);
        assertThat(lines.get(2)).isEqualTo(":020000040001F9");
        byte[] second = checkedRecord(lines.get(3));
        assertThat(new byte[] {second[1], second[2]}).as("continues at 0x0000 of the next 64 KiB").containsExactly(0, 0);
        lines.forEach(IntelHexTest::checkedRecord);
    }

    @Test
    void everyImageByteAppearsOnceAtItsAddress() {
        byte[] image = new byte[1000];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7);
        }
        long base = 0x26000L;
        byte[] decoded = new byte[image.length];
        long upper = 0;
        for (String line : lines(IntelHex.encode(image, base))) {
            byte[] record = checkedRecord(line);
            int address = ((record[1] & 0xFF) << 8) | (record[2] & 0xFF);
            if (record[3] == 4) {
                upper = ((record[4] & 0xFFL) << 8 | (record[5] & 0xFF)) << 16;
            } else if (record[3] == 0) {
                System.arraycopy(record, 4, decoded, (int) (upper + address - base), record[0] & 0xFF);
            }
        }
        assertThat(decoded).isEqualTo(image);
    }

    @Test
    void anImageBeyondFourGiBIsRefused() {
        assertThatThrownBy(() -> IntelHex.encode(new byte[16], 0xFFFF_FFF8L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below 4 GiB");
    }
}
