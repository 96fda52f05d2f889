package io.tinymlaas.data.audio;

import io.tinymlaas.core.Executables;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Speaks single words offline with espeak-ng or flite and resamples them with sox to 16 kHz mono 16-bit (no dither,
 * so the same request always gives the same bytes). Each utterance is cached as a WAV file named by the hash of the
 * request and the tools' versions; a second run reads the files instead of starting the tools.
 */
public final class SpeechSynthesizer {

    public static final int SAMPLE_RATE = 16_000;
    private static final String SOX = "sox";

    private final Path cache;
    private final Map<Voice.Engine, String> versions = new EnumMap<>(Voice.Engine.class);
    private final Map<Voice.Engine, Set<String>> known = new EnumMap<>(Voice.Engine.class);
    private String soxVersion;
    private int synthesized;

    public SpeechSynthesizer(Path cache) {
        this.cache = cache;
    }

    /** How many utterances this instance had to synthesize (the rest came from the cache). */
    public int synthesized() {
        return synthesized;
    }

    /** The word as spoken, its leading and trailing silence trimmed. */
    public short[] say(String word, Voice voice, int wordsPerMinute, int pitch) {
        String request = String.join("|", word, voice.toString(), Integer.toString(wordsPerMinute), Integer.toString(pitch),
                version(voice.engine()), soxVersion());
        Path file = cache.resolve(Hashes.sha256(request.getBytes(StandardCharsets.UTF_8)).substring(0, 20) + ".wav");
        if (!Files.isRegularFile(file)) {
            check(voice);
            synthesize(word, voice, wordsPerMinute, pitch, file);
            synthesized++;
        }
        return trim(Wav.read(file, SAMPLE_RATE));
    }

    private void synthesize(String word, Voice voice, int wordsPerMinute, int pitch, Path file) {
        try {
            Files.createDirectories(cache);
            Path raw = Files.createTempFile(cache, ".tts-", ".wav");
            Path resampled = Files.createTempFile(cache, ".sox-", ".wav");
            try {
                run(voice.command(word, wordsPerMinute, pitch, raw.toString()), true);
                run(List.of(SOX, "-D", raw.toString(), "-r", Integer.toString(SAMPLE_RATE), "-c", "1", "-b", "16", "-e",
                        "signed-integer", resampled.toString()), true);
                Files.move(resampled, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(raw);
                Files.deleteIfExists(resampled);
            }
        } catch (IOException e) {
            throw new TinymlException("cannot cache the utterance in " + cache + ": " + e.getMessage(), e);
        }
    }

    /**
     * Both engines quietly fall back to a default voice for a name they do not know, which would put one speaker in
     * two splits; so a voice is looked up in the engine's own list first.
     */
    void check(Voice voice) {
        Set<String> names = known.computeIfAbsent(voice.engine(), SpeechSynthesizer::voiceNames);
        List<String> parts = voice.engine() == Voice.Engine.ESPEAK_NG ? List.of(voice.name().split("\\+", 2)) : List.of(voice.name());
        for (String part : parts) {
            if (!names.contains(part)) {
                throw new TinymlException(voice.engine().command() + " has no voice '" + part + "' (asked for " + voice + "); it has: "
                        + String.join(" ", new TreeSet<>(names)));
            }
        }
    }

    /** espeak-ng: language codes and the file names of language and variant voices; flite: its voice list. */
    private static Set<String> voiceNames(Voice.Engine engine) {
        Set<String> names = new HashSet<>();
        if (engine == Voice.Engine.FLITE) {
            String list = run(List.of(engine.command(), "-lv"), true);
            names.addAll(List.of(list.substring(list.indexOf(':') + 1).trim().split("\\s+")));
            return names;
        }
        for (String line : run(List.of(engine.command(), "--voices"), true).lines().skip(1).toList()) {
            String[] columns = line.trim().split("\\s+");
            names.add(columns[1]);
            names.add(columns[4].substring(columns[4].lastIndexOf('/') + 1));
        }
        for (String line : run(List.of(engine.command(), "--voices=variant"), true).lines().skip(1).toList()) {
            String file = line.trim().split("\\s+")[4];
            names.add(file.substring(file.lastIndexOf('/') + 1));
        }
        return names;
    }

    private String version(Voice.Engine engine) {
        // flite prints its version and exits with 1, so only the text counts here.
        return versions.computeIfAbsent(engine, e -> run(List.of(e.command(), "--version"), false).strip());
    }

    private String soxVersion() {
        if (soxVersion == null) {
            soxVersion = run(List.of(SOX, "--version"), true).strip();
        }
        return soxVersion;
    }

    /** Runs a tool to completion; a missing tool is named with the apt command that installs it. */
    private static String run(List<String> command, boolean mustSucceed) {
        String tool = command.get(0);
        if (Executables.find(tool).isEmpty()) {
            throw new TinymlException(tool + " is not installed; it synthesizes the micro_speech data. Install it with "
                    + "'apt-get install " + tool + "' (bin/setup does)");
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TinymlException(tool + " did not finish within 60 s: " + String.join(" ", command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (mustSucceed && process.exitValue() != 0) {
                throw new TinymlException(tool + " failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new TinymlException("cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while running " + tool, e);
        }
    }

    /**
     * Cuts the silence the engines put around a word: everything before the first and after the last 10 ms block
     * whose peak reaches 5 % of the word's peak, keeping one block of margin on each side.
     */
    static short[] trim(short[] samples) {
        int block = SAMPLE_RATE / 100;
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        int threshold = Math.max(1, peak / 20);
        List<Integer> loud = new ArrayList<>();
        for (int start = 0; start < samples.length; start += block) {
            int blockPeak = 0;
            for (int i = start; i < Math.min(samples.length, start + block); i++) {
                blockPeak = Math.max(blockPeak, Math.abs(samples[i]));
            }
            if (blockPeak >= threshold) {
                loud.add(start);
            }
        }
        if (loud.isEmpty()) {
            return samples;
        }
        int from = Math.max(0, loud.get(0) - block);
        int to = Math.min(samples.length, loud.get(loud.size() - 1) + 2 * block);
        return Arrays.copyOfRange(samples, from, to);
    }
}
