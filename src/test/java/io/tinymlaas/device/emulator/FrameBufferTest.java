package io.tinymlaas.device.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.link.InputBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameBufferTest {

    @TempDir
    Path work;

    @Test
    void aBatchTooBigForTheFrameBufferIsRefusedNamingTheBytesAndNothingIsWritten() {
        FrameBuffer psram = new FrameBuffer(0x2100_0000L, 100);
        InputBatch batch = InputBatch.of(Collections.nCopies(10, new byte[9])).orElseThrow();

        assertThat(psram.holds(batch)).isFalse();
        assertThatThrownBy(() -> psram.write(batch, work.resolve("batch.bin")))
                .isInstanceOf(EmulatorException.class)
                .hasMessage("10 inputs of 9 B need 102 bytes of frame buffer (with the 12-byte header), the frame buffer"
                        + " at 0x21000000 has 100 (2 bytes too many)");
        assertThat(work.resolve("batch.bin")).doesNotExist();
    }

    @Test
    void aBatchThatFillsTheFrameBufferExactlyIsWritten() throws Exception {
        InputBatch batch = InputBatch.of(Collections.nCopies(10, new byte[9])).orElseThrow();

        Path file = new FrameBuffer(0x2100_0000L, 102).write(batch, work.resolve("batch.bin"));

        assertThat(Files.size(file)).isEqualTo(102);
    }

    @Test
    void everyQemuProxysFrameBufferHoldsPersonDetectionsHeldOutImages() {
        InputBatch heldOut = InputBatch.of(Collections.nCopies(1020, new byte[96 * 96])).orElseThrow();

        for (String machine : new String[] {"mps2-an386", "mps2-an500", "mps3-an547"}) {
            FrameBuffer frames = QemuMachine.byName(machine).orElseThrow().frameBuffer();
            assertThat(frames.holds(heldOut)).as(machine).isTrue();
        }
    }
}
