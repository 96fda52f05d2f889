package io.tinymlaas.data.audio;

import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** 16-bit PCM mono WAV files: the format sox writes into the utterance cache. */
public final class Wav {

    private Wav() {
    }

    /** The samples of a 16-bit mono PCM WAV file at {@code expectedRate} Hz; any other format is refused by name. */
    public static short[] read(Path file, int expectedRate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new TinymlException(file + " is not a RIFF/WAVE file");
        }
        int at = 12;
        boolean formatSeen = false;
        while (at + 8 <= bytes.length) {
            int id = in.getInt(at);
            int size = in.getInt(at + 4);
            int body = at + 8;
            if (size < 0 || body + (long) size > bytes.length) {
                throw new TinymlException(file + ": chunk at byte " + at + " claims " + size + " bytes, past the end of the file");
            }
            if (id == 0x20746d66) { // "fmt "
                int format = in.getShort(body) & 0xffff;
                int channels = in.getShort(body + 2);
                int rate = in.getInt(body + 4);
                int bits = in.getShort(body + 14);
                if (format != 1 || channels != 1 || bits != 16 || rate != expectedRate) {
                    throw new TinymlException(file + " is format " + format + ", " + channels + " channel(s), " + bits + " bit, "
                            + rate + " Hz; expected PCM (1), mono, 16 bit, " + expectedRate + " Hz");
                }
                formatSeen = true;
            } else if (id == 0x61746164) { // "data"
                if (!formatSeen) {
                    throw new TinymlException(file + " has its data chunk before the fmt chunk");
                }
                short[] samples = new short[size / 2];
                in.position(body);
                in.asShortBuffer().get(samples);
                return samples;
            }
            at = body + size + (size & 1);
        }
        throw new TinymlException(file + " has no data chunk");
    }

    public static void write(Path file, short[] samples, int rate) {
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + samples.length * 2).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        out.putInt(0x61746164).putInt(samples.length * 2);
        for (short s : samples) {
            out.putShort(s);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, out.array());
        } catch (IOException e) {
            throw new TinymlException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
