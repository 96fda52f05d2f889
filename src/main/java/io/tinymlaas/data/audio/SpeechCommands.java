package io.tinymlaas.data.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The micro_speech clips: one second of 16 kHz mono 16-bit audio, each "yes", "no", another word ("unknown") or
 * background noise only ("silence"). Words are spoken by {@link SpeechSynthesizer} in many synthetic voices, at a
 * speed and pitch from a grid (so utterances are shared between runs and profiles through the cache), then placed
 * at a random offset in the second, scaled to a random level and mixed with seeded white, pink or brown noise at a
 * random signal-to-noise ratio. The three splits use disjoint voices: a validation or test speaker is never heard
 * in training.
 */
public final class SpeechCommands {

    public static final int CLIP_SAMPLES = SpeechSynthesizer.SAMPLE_RATE;

    /** Other words, as in the Speech Commands data set that TFLM's micro_speech was trained on. */
    static final List<String> UNKNOWN_WORDS = List.of("up", "down", "left", "right", "on", "off", "stop", "go", "zero",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "bed", "bird", "cat", "dog", "happy",
            "house", "tree", "wow", "learn", "follow", "forward", "visual");
    static final List<String> ACCENTS = List.of("en-us", "en", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan",
            "en-gb-x-gbcwmd", "en-029", "en-us-nyc");
    static final int[] WORDS_PER_MINUTE = {120, 145, 170, 195, 220};
    static final int[] PITCHES = {20, 35, 50, 65, 80};

    /** Speakers by split: espeak-ng variants (each heard with every accent) and flite voices. */
    public record Speakers(List<String> espeakVariants, List<String> fliteVoices) {

        List<Voice> voices() {
            List<Voice> voices = new ArrayList<>();
            for (String variant : espeakVariants) {
                for (String accent : ACCENTS) {
                    voices.add(Voice.espeak(accent, variant));
                }
            }
            fliteVoices.forEach(name -> voices.add(Voice.flite(name)));
            return voices;
        }

        @Override
        public String toString() {
            return "espeak-ng variants " + String.join(" ", espeakVariants) + " x " + ACCENTS.size() + " accents"
                    + (fliteVoices.isEmpty() ? "" : ", flite " + String.join(" ", fliteVoices));
        }
    }

    public static final Speakers TRAIN_SPEAKERS = new Speakers(List.of("m1", "m2", "m4", "m5", "m7", "m8", "f1", "f3", "f4",
            "klatt", "klatt2", "klatt4", "Alex", "Andy", "Annie", "adam", "antonio", "belinda", "benjamin", "boris", "david",
            "edward", "gustave", "iven", "john", "linda", "max", "michel", "paul", "robert", "steph", "zac"),
            List.of("awb", "rms", "kal16"));
    public static final Speakers VALIDATION_SPEAKERS = new Speakers(List.of("m6", "f5", "iven2", "steph2", "quincy", "Denis"),
            List.of());
    public static final Speakers TEST_SPEAKERS = new Speakers(List.of("m3", "f2", "klatt3", "caleb", "aunty", "Jacky",
            "pablo", "edward2"), List.of("slt"));

    /** One labelled clip, its speaker (none for silence) and how it was made. */
    public record Clip(short[] audio, Keyword label, Optional<Voice> speaker, String description) {
    }

    private final SpeechSynthesizer synthesizer;

    public SpeechCommands(SpeechSynthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    /** {@code perClass} clips of each keyword, classes interleaved, spoken by {@code speakers}. */
    public List<Clip> clips(int perClass, Speakers speakers, Random random) {
        List<Voice> voices = speakers.voices();
        Keyword[] classes = Keyword.values();
        List<Clip> clips = new ArrayList<>(perClass * classes.length);
        for (int i = 0; i < perClass * classes.length; i++) {
            Keyword label = classes[i % classes.length];
            clips.add(label == Keyword.SILENCE ? silence(random) : spoken(label, voices, random));
        }
        return clips;
    }

    private Clip spoken(Keyword label, List<Voice> voices, Random random) {
        String word = switch (label) {
            case YES -> "yes";
            case NO -> "no";
            default -> UNKNOWN_WORDS.get(random.nextInt(UNKNOWN_WORDS.size()));
        };
        Voice voice = voices.get(random.nextInt(voices.size()));
        int speed = WORDS_PER_MINUTE[random.nextInt(WORDS_PER_MINUTE.length)];
        int pitch = PITCHES[random.nextInt(PITCHES.length)];
        short[] utterance = synthesizer.say(word, voice, speed, pitch);
        int length = Math.min(utterance.length, CLIP_SAMPLES);
        int offset = random.nextInt(CLIP_SAMPLES - length + 1);
        double peak = 1;
        double power = 0;
        for (int i = 0; i < length; i++) {
            peak = Math.max(peak, Math.abs(utterance[i]));
            power += utterance[i] * (double) utterance[i];
        }
        double level = logUniform(0.03, 0.9, random);                  // peak, as a share of full scale
        double gain = level * Short.MAX_VALUE / peak;
        double signalRms = gain * Math.sqrt(power / length);
        double snrDb = 5 + random.nextDouble() * 35;
        Noise noise = Noise.values()[random.nextInt(Noise.values().length)];
        double noiseRms = signalRms / Math.pow(10, snrDb / 20);
        double[] mix = noise.generate(CLIP_SAMPLES, random);
        for (int i = 0; i < CLIP_SAMPLES; i++) {
            mix[i] *= noiseRms;
        }
        for (int i = 0; i < length; i++) {
            mix[offset + i] += gain * utterance[i];
        }
        return new Clip(toPcm(mix), label, Optional.of(voice), String.format("'%s' by %s at %d wpm, pitch %d, at %.2f s, peak %.2f, %s noise at %.0f dB SNR",
                word, voice, speed, pitch, offset / (double) SpeechSynthesizer.SAMPLE_RATE, level, noise.name().toLowerCase(Locale.ROOT), snrDb));
    }

    /** Background noise only, from barely there to loud (RMS 0.01 % to 10 % of full scale). */
    private static Clip silence(Random random) {
        Noise noise = Noise.values()[random.nextInt(Noise.values().length)];
        double rms = logUniform(1e-4, 0.1, random);
        double[] mix = noise.generate(CLIP_SAMPLES, random);
        for (int i = 0; i < CLIP_SAMPLES; i++) {
            mix[i] *= rms * Short.MAX_VALUE;
        }
        return new Clip(toPcm(mix), Keyword.SILENCE, Optional.empty(), String.format("%s noise at RMS %.5f of full scale",
                noise.name().toLowerCase(Locale.ROOT), rms));
    }

    private static double logUniform(double low, double high, Random random) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }

    private static short[] toPcm(double[] mix) {
        short[] pcm = new short[mix.length];
        for (int i = 0; i < mix.length; i++) {
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(mix[i])));
        }
        return pcm;
    }
}
