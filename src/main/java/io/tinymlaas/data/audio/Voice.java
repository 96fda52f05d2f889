package io.tinymlaas.data.audio;

import java.util.List;
import java.util.Locale;

/**
 * A synthetic speaker: an espeak-ng English voice with a variant ({@code en-us+f3}: accent + speaker character) or a
 * flite voice ({@code slt}). Held-out splits are made of voices, so a test speaker is never heard in training.
 */
public record Voice(Engine engine, String name) {

    public enum Engine {
        ESPEAK_NG("espeak-ng"), FLITE("flite");

        private final String command;

        Engine(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    public static Voice espeak(String accent, String variant) {
        return new Voice(Engine.ESPEAK_NG, accent + "+" + variant);
    }

    public static Voice flite(String name) {
        return new Voice(Engine.FLITE, name);
    }

    /**
     * The command that writes {@code word} to {@code wav}: espeak-ng speed in words per minute and pitch 0–99; flite
     * takes the speed as a duration stretch relative to espeak-ng's default 175 wpm and keeps its own pitch (flite's
     * f0 targets are per voice, so one pitch scale would turn some voices into others).
     */
    List<String> command(String word, int wordsPerMinute, int pitch, String wav) {
        return switch (engine) {
            case ESPEAK_NG -> List.of(engine.command(), "-v", name, "-s", Integer.toString(wordsPerMinute), "-p",
                    Integer.toString(pitch), "-w", wav, word);
            case FLITE -> List.of(engine.command(), "-voice", name, "--setf",
                    String.format(Locale.ROOT, "duration_stretch=%.3f", 175.0 / wordsPerMinute),
                    "-t", word, "-o", wav);
        };
    }

    @Override
    public String toString() {
        return engine.command() + ":" + name;
    }
}
