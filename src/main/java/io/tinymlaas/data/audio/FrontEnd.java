package io.tinymlaas.data.audio;

import static io.tinymlaas.data.audio.FrontEndTables.BINS;
import static io.tinymlaas.data.audio.FrontEndTables.BIN_SEGMENT;
import static io.tinymlaas.data.audio.FrontEndTables.BIN_WEIGHT;
import static io.tinymlaas.data.audio.FrontEndTables.CHANNELS;
import static io.tinymlaas.data.audio.FrontEndTables.CLIP;
import static io.tinymlaas.data.audio.FrontEndTables.COS;
import static io.tinymlaas.data.audio.FrontEndTables.FFT_BITS;
import static io.tinymlaas.data.audio.FrontEndTables.FFT_SIZE;
import static io.tinymlaas.data.audio.FrontEndTables.FRAMES;
import static io.tinymlaas.data.audio.FrontEndTables.HANN;
import static io.tinymlaas.data.audio.FrontEndTables.LEVELS_PER_LOG2;
import static io.tinymlaas.data.audio.FrontEndTables.LOG2_FLOOR_Q10;
import static io.tinymlaas.data.audio.FrontEndTables.LOG2_TABLE;
import static io.tinymlaas.data.audio.FrontEndTables.LOG_FRACTION_BITS;
import static io.tinymlaas.data.audio.FrontEndTables.LOG_TABLE_BITS;
import static io.tinymlaas.data.audio.FrontEndTables.PEAK_BITS;
import static io.tinymlaas.data.audio.FrontEndTables.POWER_SHIFT;
import static io.tinymlaas.data.audio.FrontEndTables.SIN;
import static io.tinymlaas.data.audio.FrontEndTables.STRIDE;
import static io.tinymlaas.data.audio.FrontEndTables.WEIGHT_ONE;
import static io.tinymlaas.data.audio.FrontEndTables.WINDOW;

import java.util.Arrays;

/**
 * The micro_speech audio front end, the twin of {@code firmware/frontend/frontend.c}: one second of 16 kHz audio
 * becomes {@value FrontEndTables#FRAMES} frames × {@value FrontEndTables#CHANNELS} channels of int8 log filterbank
 * energies (30 ms Hann windows every 20 ms, a 512-point FFT, 40 mel-spaced triangular filters from 125 to 7,500 Hz,
 * log2 energy at about 0.5 dB per level). Integer arithmetic only, statement for statement as in C; where C shifts a
 * negative value right, it relies on the arithmetic shift that gcc (and every compiler for our targets) does, which
 * is Java's {@code >>}.
 * <p>
 * The model's input is these int8 values as they are: {@link #INPUT_SCALE} and {@link #INPUT_ZERO_POINT} are the
 * input tensor's quantization, and {@link #toModelInput} gives the float values that quantize back to them exactly.
 */
public final class FrontEnd {

    public static final float INPUT_SCALE = 0.0390625f;   // 10/256, as in TFLM's micro_speech model
    public static final int INPUT_ZERO_POINT = -128;
    public static final int FEATURES = FRAMES * CHANNELS;

    private final int[] re = new int[FFT_SIZE];
    private final int[] im = new int[FFT_SIZE];
    private final long[] energy = new long[CHANNELS];

    /** The features of one clip of {@value FrontEndTables#CLIP} samples, frame-major ({@code [frame][channel]}). */
    public byte[] features(short[] clip) {
        if (clip.length != CLIP) {
            throw new IllegalArgumentException("a clip has " + CLIP + " samples, not " + clip.length);
        }
        byte[] features = new byte[FEATURES];
        for (int frame = 0; frame < FRAMES; frame++) {
            frame(clip, frame * STRIDE, features, frame * CHANNELS);
        }
        return features;
    }

    /** The float model input whose int8 quantization ({@link #INPUT_SCALE}, {@link #INPUT_ZERO_POINT}) is exactly {@code features}. */
    public static float[] toModelInput(byte[] features) {
        float[] input = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            input[i] = (features[i] - INPUT_ZERO_POINT) * INPUT_SCALE;
        }
        return input;
    }

    private void frame(short[] clip, int start, byte[] out, int at) {
        int peak = 0;
        for (int i = 0; i < WINDOW; i++) {
            re[i] = (clip[start + i] * HANN[i] + (1 << 14)) >> 15;
            peak = Math.max(peak, Math.abs(re[i]));
        }
        // Block floating point: scale the frame up so the FFT keeps its precision on quiet frames; undone in the log.
        int shift = 0;
        while (peak != 0 && (long) peak << (shift + 1) < 1L << PEAK_BITS) {
            shift++;
        }
        for (int i = 0; i < FFT_SIZE; i++) {
            re[i] = i < WINDOW ? re[i] * (1 << shift) : 0;
            im[i] = 0;
        }
        fft();
        Arrays.fill(energy, 0);
        for (int k = 0; k < BINS; k++) {
            int segment = BIN_SEGMENT[k];
            if (segment < 0) {
                continue;
            }
            long power = ((long) re[k] * re[k] + (long) im[k] * im[k]) >> POWER_SHIFT;
            if (segment < CHANNELS) {
                energy[segment] += power * BIN_WEIGHT[k];
            }
            if (segment > 0) {
                energy[segment - 1] += power * (WEIGHT_ONE - BIN_WEIGHT[k]);
            }
        }
        for (int c = 0; c < CHANNELS; c++) {
            out[at + c] = level(energy[c], shift);
        }
    }

    /** In-place radix-2 decimation-in-time FFT; twiddles Q15, products rounded to nearest. */
    private void fft() {
        for (int i = 0; i < FFT_SIZE; i++) {
            int j = Integer.reverse(i) >>> (32 - FFT_BITS);
            if (j > i) {
                int t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int size = 2; size <= FFT_SIZE; size <<= 1) {
            int half = size >> 1;
            int step = FFT_SIZE / size;
            for (int start = 0; start < FFT_SIZE; start += size) {
                for (int k = 0; k < half; k++) {
                    long wr = COS[k * step];
                    long wi = -SIN[k * step];
                    int a = start + k;
                    int b = a + half;
                    int tr = (int) ((wr * re[b] - wi * im[b] + (1 << 14)) >> 15);
                    int ti = (int) ((wr * im[b] + wi * re[b] + (1 << 14)) >> 15);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /** log2 of the energy in Q10, minus the block scaling (2 × shift octaves of power), as an int8 level. */
    static byte level(long energy, int shift) {
        if (energy <= 0) {
            return -128;
        }
        int msb = 63 - Long.numberOfLeadingZeros(energy);
        int fraction = (int) (msb >= LOG_FRACTION_BITS ? (energy >> (msb - LOG_FRACTION_BITS))
                : (energy << (LOG_FRACTION_BITS - msb))) & ((1 << LOG_FRACTION_BITS) - 1);
        int index = fraction >> (LOG_FRACTION_BITS - LOG_TABLE_BITS);
        int rest = fraction & ((1 << (LOG_FRACTION_BITS - LOG_TABLE_BITS)) - 1);
        int interpolated = LOG2_TABLE[index] + (((LOG2_TABLE[index + 1] - LOG2_TABLE[index]) * rest
                + (1 << (LOG_FRACTION_BITS - LOG_TABLE_BITS - 1))) >> (LOG_FRACTION_BITS - LOG_TABLE_BITS));
        int log2 = (msb - 2 * shift) * (1 << LOG_FRACTION_BITS) + interpolated;
        if (log2 <= LOG2_FLOOR_Q10) {
            return -128;
        }
        int level = ((log2 - LOG2_FLOOR_Q10) * LEVELS_PER_LOG2 + (1 << (LOG_FRACTION_BITS - 1))) >> LOG_FRACTION_BITS;
        return (byte) (Math.min(level, 255) - 128);
    }
}
