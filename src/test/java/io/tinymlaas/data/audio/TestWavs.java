package io.tinymlaas.data.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** WAV files of any PCM layout, written byte by byte as a recorder would, for tests of what users give us. */
public final class TestWavs {

    private TestWavs() {
    }

    /** A sine tone at half of full scale, the same on every channel, {@code bits} 8 (unsigned), 16, 24 or 32 per sample. */
    public static Path tone(Path file, int rate, int channels, int bits, double seconds, double hertz) throws IOException {
        int frames = (int) Math.round(rate * seconds);
        int width = bits / 8;
        ByteBuffer out = ByteBuffer.allocate(44 + frames * channels * width).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + frames * channels * width).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * width).putShort((short) (channels * width)).putShort((short) bits);
        out.putInt(0x61746164).putInt(frames * channels * width);
        for (int f = 0; f < frames; f++) {
            double value = 0.5 * Math.sin(2 * Math.PI * hertz * f / rate);
            for (int c = 0; c < channels; c++) {
                switch (bits) {
                    case 8 -> out.put((byte) (Math.round(value * 127) + 128));
                    case 16 -> out.putShort((short) Math.round(value * 32767));
                    case 24 -> {
                        int v = (int) Math.round(value * 8388607);
                        out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    }
                    default -> out.putInt((int) Math.round(value * 2147483647.0));
                }
            }
        }
        return Files.write(file, out.array());
    }
}
