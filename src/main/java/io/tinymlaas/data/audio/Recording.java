package io.tinymlaas.data.audio;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A user's WAV recording as it was made: any sample rate, any number of channels, 8-bit unsigned, 16-, 24- or 32-bit
 * PCM or 32-bit float ({@link #read}). The samples are per channel, scaled to [-1, 1].
 */
public record Recording(Path file, int rate, int bits, boolean floatSamples, float[][] channels) {

    private static final int RIFF = 0x46464952;
    private static final int WAVE = 0x45564157;
    private static final int FMT = 0x20746d66;
    private static final int DATA = 0x61746164;
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xfffe;

    public int frames() {
        return channels[0].length;
    }

    public double seconds() {
        return frames() / (double) rate;
    }

    /** "44100 Hz, 2 channels, 16-bit PCM, 1.62 s": what the user gave, for reports. */
    public String describe() {
        return String.format(Locale.ROOT, "%d Hz, %s, %d-bit %s, %.2f s", rate, channels.length == 1 ? "mono" : channels.length
                + " channels", bits, floatSamples ? "float" : "PCM", seconds());
    }

    /** Reads a RIFF/WAVE file; anything else (not a WAV, empty, cut short, compressed audio) is refused, naming the file. */
    public static Recording read(Path file) {
        byte[] bytes = IoFailure.readAll(file);
        if (bytes.length == 0) {
            throw new TinymlException(file + " is empty (0 bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || in.getInt(0) != RIFF || in.getInt(8) != WAVE) {
            throw new TinymlException(file + " is not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        for (int at = 12; at + 8 <= bytes.length; ) {
            int id = in.getInt(at);
            long size = in.getInt(at + 4) & 0xffffffffL;
            int body = at + 8;
            if (id == FMT) {
                if (size < 16 || body + size > bytes.length) {
                    throw new TinymlException(file + ": its WAV format chunk is cut short");
                }
                format = in.getShort(body) & 0xffff;
                channels = in.getShort(body + 2) & 0xffff;
                rate = in.getInt(body + 4);
                bits = in.getShort(body + 14) & 0xffff;
                if (format == EXTENSIBLE && size >= 26) {
                    format = in.getShort(body + 24) & 0xffff;
                }
                checkFormat(file, format, channels, rate, bits);
            } else if (id == DATA) {
                if (format < 0) {
                    throw new TinymlException(file + ": its WAV data comes before its format chunk");
                }
                // a recorder stopped mid-write leaves a data size past the end: keep the samples that are there
                int length = (int) Math.min(size, bytes.length - body);
                return new Recording(file, rate, bits, format == IEEE_FLOAT, samples(file, in, body, length, channels, bits, format));
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new TinymlException(file + ": a WAV file without " + (format < 0 ? "a format chunk" : "a data chunk (no samples)"));
    }

    private static void checkFormat(Path file, int format, int channels, int rate, int bits) {
        if (format != PCM && format != IEEE_FLOAT) {
            throw new TinymlException(file + ": WAV encoding " + format + " (compressed) is not supported; save it as PCM, "
                    + "e.g. sox in.wav -e signed -b 16 out.wav");
        }
        if (channels < 1 || rate < 1000 || rate > 384_000) {
            throw new TinymlException(file + ": a WAV of " + channels + " channel(s) at " + rate + " Hz cannot be audio");
        }
        boolean known = format == PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32 : bits == 32;
        if (!known) {
            throw new TinymlException(file + ": " + bits + "-bit " + (format == PCM ? "PCM" : "float") + " samples are not "
                    + "supported (8, 16, 24 or 32-bit PCM, or 32-bit float)");
        }
    }

    private static float[][] samples(Path file, ByteBuffer in, int start, int length, int channels, int bits, int format) {
        int width = bits / 8;
        int frames = length / (width * channels);
        if (frames == 0) {
            throw new TinymlException(file + ": a WAV file with no samples");
        }
        float[][] out = new float[channels][frames];
        int at = start;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, at += width) {
                out[c][f] = switch (bits) {
                    case 8 -> ((in.get(at) & 0xff) - 128) / 128f;
                    case 16 -> in.getShort(at) / 32768f;
                    case 24 -> ((in.get(at) & 0xff) | (in.get(at + 1) & 0xff) << 8 | in.get(at + 2) << 16) / 8388608f;
                    default -> format == IEEE_FLOAT ? Math.max(-1f, Math.min(1f, in.getFloat(at))) : in.getInt(at) / 2147483648f;
                };
            }
        }
        return out;
    }
}
