package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InterruptedFlashTest {

    /** A 32-bit ELF with two loadable segments (100 B at 200, 60 B at 300) and a non-loadable note (20 B at 400). */
    private static byte[] elf() {
        ByteBuffer elf = ByteBuffer.allocate(500).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464C457F).put(4, (byte) 1).put(5, (byte) 1);
        elf.putInt(0x1C, 52).putShort(0x2A, (short) 32).putShort(0x2C, (short) 3);
        int[][] segments = {{1, 200, 100}, {1, 300, 60}, {4, 400, 20}};
        for (int i = 0; i < segments.length; i++) {
            int entry = 52 + i * 32;
            elf.putInt(entry, segments[i][0]).putInt(entry + 4, segments[i][1]).putInt(entry + 16, segments[i][2]);
        }
        for (int i = 200; i < 500; i++) {
            elf.put(i, (byte) 0x11);
        }
        return elf.array();
    }

    @Test
    void aFlashCutOffHalfwayLeavesTheSecondHalfOfTheLoadedBytesErasedAndTheRestAsItWas() {
        byte[] original = elf();

        byte[] flashed = InterruptedFlash.of(original, 0.5);

        // 160 loadable bytes: the first 80 written, the last 20 of segment one and all 60 of segment two erased
        assertThat(Arrays.copyOfRange(flashed, 200, 280)).containsOnly(0x11);
        assertThat(Arrays.copyOfRange(flashed, 280, 300)).containsOnly(0xFF);
        assertThat(Arrays.copyOfRange(flashed, 300, 360)).containsOnly(0xFF);
        assertThat(Arrays.copyOfRange(flashed, 400, 420)).containsOnly(0x11);
        assertThat(Arrays.copyOfRange(flashed, 0, 200)).isEqualTo(Arrays.copyOfRange(original, 0, 200));
        assertThat(original[300]).isEqualTo((byte) 0x11);
    }

    @Test
    void somethingThatIsNotA32BitElfIsRefused() {
        assertThatThrownBy(() -> InterruptedFlash.of(new byte[100], 0.5)).isInstanceOf(TinymlException.class)
                .hasMessageContaining("not a 32-bit little-endian ELF image");
    }
}
