package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GimpPatternTest {

    @TempDir
    Path dir;

    /** A version-1 pattern: header, "GPAT", a NUL-terminated name, then the pixels. */
    private Path pattern(int width, int height, int depth, byte[] pixels) throws Exception {
        byte[] name = "test\0".getBytes(StandardCharsets.US_ASCII);
        int header = 24 + name.length;
        ByteBuffer bytes = ByteBuffer.allocate(header + pixels.length);
        bytes.putInt(header).putInt(1).putInt(width).putInt(height).putInt(depth).putInt(0x47504154).put(name).put(pixels);
        Path file = dir.resolve("test.pat");
        Files.write(file, bytes.array());
        return file;
    }

    @Test
    void anRgbPatternTilesAsLumaLevels() throws Exception {
        // two pixels: pure red and pure white
        Path file = pattern(2, 1, 3, new byte[] {(byte) 255, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        float[] tiled = GimpPattern.tiled(file, 5, 2);
        float red = Math.round(0.299 * 255) / 255f;
        assertThat(tiled).containsExactly(red, 1f, red, 1f, red, red, 1f, red, 1f, red);
    }

    @Test
    void aGrayPatternWithAlphaKeepsItsLevels() throws Exception {
        Path file = pattern(1, 2, 2, new byte[] {10, (byte) 255, 20, 0});
        assertThat(GimpPattern.tiled(file, 1, 3)).containsExactly(10 / 255f, 20 / 255f, 10 / 255f);
    }

    @Test
    void aFileThatIsNoPatternOrIsCutShortIsRefused() throws Exception {
        Path other = dir.resolve("other.pat");
        Files.writeString(other, "not a pattern at all, but long enough");
        assertThatThrownBy(() -> GimpPattern.tiled(other, 4, 4)).isInstanceOf(TinymlException.class)
                .hasMessageContaining("is not a GIMP pattern");
        Path cut = pattern(4, 4, 3, new byte[5]);
        assertThatThrownBy(() -> GimpPattern.tiled(cut, 4, 4)).isInstanceOf(TinymlException.class)
                .hasMessageContaining("4x4x3 does not match");
    }
}
