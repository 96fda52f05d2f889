package io.tinymlaas.data;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A GIMP pattern file (.pat, version 1): a big-endian header of header size, version, width, height and bytes per pixel
 * (1 gray, 2 gray + alpha, 3 RGB, 4 RGBA), the magic "GPAT" and the pattern's name, then the pixels row by row. The
 * patterns tile seamlessly, so a pattern repeated over a larger picture is a plausible photo of a surface.
 */
final class GimpPattern {

    private GimpPattern() {
    }

    /** The pattern repeated over {@code width × height} as gray levels / 255 (ITU-R BT.601 luma; alpha ignored). */
    static float[] tiled(Path file, int width, int height) {
        ByteBuffer bytes = ByteBuffer.wrap(IoFailure.readAll(file));
        if (bytes.remaining() < 24 || bytes.getInt(20) != 0x47504154) {
            throw new TinymlException(file + " is not a GIMP pattern (no \"GPAT\" header)");
        }
        int headerSize = bytes.getInt(0);
        int patternWidth = bytes.getInt(8);
        int patternHeight = bytes.getInt(12);
        int depth = bytes.getInt(16);
        if (depth < 1 || depth > 4 || patternWidth < 1 || patternHeight < 1
                || bytes.limit() < headerSize + (long) patternWidth * patternHeight * depth) {
            throw new TinymlException(file + ": a GIMP pattern header of " + patternWidth + "x" + patternHeight + "x" + depth
                    + " does not match its " + bytes.limit() + " bytes");
        }
        float[] levels = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = headerSize + ((y % patternHeight) * patternWidth + x % patternWidth) * depth;
                double level = depth >= 3 ? 0.299 * (bytes.get(at) & 0xff) + 0.587 * (bytes.get(at + 1) & 0xff)
                        + 0.114 * (bytes.get(at + 2) & 0xff) : bytes.get(at) & 0xff;
                levels[y * width + x] = (float) (Math.round(level) / 255.0);
            }
        }
        return levels;
    }
}
