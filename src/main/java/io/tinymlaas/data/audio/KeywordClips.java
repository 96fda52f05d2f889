package io.tinymlaas.data.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a user's recording into what micro_speech hears: one-second clips of 16 kHz mono 16-bit audio, the form of
 * every training clip. Channels are averaged, other rates resampled (windowed-sinc, low-passed below the lower Nyquist
 * frequency so nothing folds back), and the length fitted to one second: a shorter recording is centred in silence, a
 * longer one gives its loudest second ({@link Fit#LOUDEST}) or is cut into consecutive seconds ({@link Fit#SPLIT}).
 */
public final class KeywordClips {

    public static final int RATE = FrontEndTables.SAMPLE_RATE;
    public static final int CLIP = FrontEndTables.CLIP;

    /** A remainder of a split recording shorter than this is dropped rather than padded into a clip of mostly silence. */
    private static final int SHORTEST_REMAINDER = CLIP / 2;
    /** Zero crossings of the sinc on each side of a resampled point: enough for a steep low-pass at 16 kHz. */
    private static final int SINC_ZEROS = 16;
    /** The loudest second is searched in steps of 10 ms. */
    private static final int SEARCH_STEP = RATE / 100;

    /** What to do with a recording longer than one second. */
    public enum Fit { LOUDEST, SPLIT }

    /** The clips of one recording and, in words, what was done to make them. */
    public record Clips(List<short[]> clips, String conversion) {
    }

    private KeywordClips() {
    }

    public static Clips of(Recording recording, Fit fit) {
        List<String> steps = new ArrayList<>();
        float[] mono = recording.channels().length == 1 ? recording.channels()[0] : mix(recording.channels());
        if (recording.channels().length > 1) {
            steps.add("mixed " + recording.channels().length + " channels to mono");
        }
        if (recording.bits() != 16 || recording.floatSamples()) {
            steps.add("converted " + recording.bits() + "-bit " + (recording.floatSamples() ? "float" : "PCM") + " to 16-bit");
        }
        float[] audio = recording.rate() == RATE ? mono : resample(mono, recording.rate(), RATE);
        if (recording.rate() != RATE) {
            steps.add("resampled " + recording.rate() + " Hz to " + RATE + " Hz");
        }
        short[] pcm = toPcm(audio);
        List<short[]> clips = new ArrayList<>();
        if (pcm.length <= CLIP) {
            clips.add(centred(pcm));
            steps.add(pcm.length == CLIP ? "1 s as it is" : String.format(Locale.ROOT, "padded %.2f s to 1 s with silence on both sides",
                    pcm.length / (double) RATE));
        } else if (fit == Fit.LOUDEST) {
            int start = loudest(pcm);
            clips.add(Arrays.copyOfRange(pcm, start, start + CLIP));
            steps.add(String.format(Locale.ROOT, "cut to its loudest second, %.2f-%.2f s", start / (double) RATE,
                    (start + CLIP) / (double) RATE));
        } else {
            int whole = pcm.length / CLIP;
            for (int i = 0; i < whole; i++) {
                clips.add(Arrays.copyOfRange(pcm, i * CLIP, (i + 1) * CLIP));
            }
            int rest = pcm.length - whole * CLIP;
            if (rest >= SHORTEST_REMAINDER) {
                clips.add(centred(Arrays.copyOfRange(pcm, whole * CLIP, pcm.length)));
            }
            steps.add(String.format(Locale.ROOT, "split into %d clip(s) of 1 s%s", clips.size(), rest == 0 ? ""
                    : rest >= SHORTEST_REMAINDER ? String.format(Locale.ROOT, ", the last %.2f s padded", rest / (double) RATE)
                    : String.format(Locale.ROOT, ", the last %.2f s dropped", rest / (double) RATE)));
        }
        return new Clips(clips, recording.describe() + ": " + String.join(", ", steps));
    }

    private static float[] mix(float[][] channels) {
        float[] mono = new float[channels[0].length];
        for (float[] channel : channels) {
            for (int i = 0; i < mono.length; i++) {
                mono[i] += channel[i] / channels.length;
            }
        }
        return mono;
    }

    /**
     * Band-limited interpolation: each output sample is the input weighted by a sinc whose cut-off is the lower of the two
     * Nyquist frequencies, tapered by a Hann window {@link #SINC_ZEROS} zero crossings wide on each side.
     */
    static float[] resample(float[] input, int from, int to) {
        double ratio = (double) to / from;
        double cutoff = Math.min(1.0, ratio);
        double reach = SINC_ZEROS / cutoff;
        float[] output = new float[(int) Math.floor(input.length * ratio)];
        for (int i = 0; i < output.length; i++) {
            double centre = i / ratio;
            int first = Math.max(0, (int) Math.ceil(centre - reach));
            int last = Math.min(input.length - 1, (int) Math.floor(centre + reach));
            double sum = 0;
            for (int j = first; j <= last; j++) {
                double distance = centre - j;
                double x = Math.PI * distance * cutoff;
                double sinc = x == 0 ? 1 : Math.sin(x) / x;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * distance / reach);
                sum += input[j] * cutoff * sinc * window;
            }
            output[i] = (float) sum;
        }
        return output;
    }

    private static short[] toPcm(float[] audio) {
        short[] pcm = new short[audio.length];
        for (int i = 0; i < audio.length; i++) {
            pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(audio[i] * 32768.0)));
        }
        return pcm;
    }

    private static short[] centred(short[] pcm) {
        short[] clip = new short[CLIP];
        System.arraycopy(pcm, 0, clip, (CLIP - pcm.length) / 2, pcm.length);
        return clip;
    }

    /**
     * The start of the one-second window with the most energy; where several hold it all (a short sound in a long
     * recording), the middle one, so the sound is centred as in the training clips.
     */
    private static int loudest(short[] pcm) {
        long[] prefix = new long[pcm.length + 1];
        for (int i = 0; i < pcm.length; i++) {
            prefix[i + 1] = prefix[i] + (long) pcm[i] * pcm[i];
        }
        int end = pcm.length - CLIP;
        int first = 0;
        int last = 0;
        long most = -1;
        // every 10 ms, and the very end so that a sound in the last few milliseconds is not missed
        for (int start = 0; start <= end; start = start == end ? end + 1 : Math.min(start + SEARCH_STEP, end)) {
            long energy = prefix[start + CLIP] - prefix[start];
            if (energy > most) {
                most = energy;
                first = start;
            }
            last = energy == most ? start : last;
        }
        return (first + last) / 2;
    }
}
