package io.tinymlaas.data.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's recordings of every common layout become micro_speech's 16 kHz mono one-second clips, and bad files are named. */
class KeywordClipsTest {

    @TempDir
    Path dir;

    @Test
    void a44kHzStereo8BitToneIsMixedResampledAndKeepsItsPitch() throws Exception {
        Recording recording = Recording.read(TestWavs.tone(dir.resolve("a.wav"), 44_100, 2, 8, 0.8, 1000));

        KeywordClips.Clips clips = KeywordClips.of(recording, KeywordClips.Fit.LOUDEST);

        assertThat(clips.conversion()).isEqualTo("44100 Hz, 2 channels, 8-bit PCM, 0.80 s: mixed 2 channels to mono, converted "
                + "8-bit PCM to 16-bit, resampled 44100 Hz to 16000 Hz, padded 0.80 s to 1 s with silence on both sides");
        short[] clip = clips.clips().get(0);
        assertThat(clip).hasSize(16_000);
        // 1 kHz at 16 kHz: 16 samples a period, so about 2 zero crossings per 16 samples over the 0.8 s that hold the tone
        int crossings = 0;
        for (int i = 2_000; i < 13_999; i++) {
            crossings += (clip[i] < 0) != (clip[i + 1] < 0) ? 1 : 0;
        }
        assertThat(crossings).isBetween(1_490, 1_510);
        assertThat(clip[100]).isZero();
        assertThat(max(clip)).isBetween((short) 15_500, (short) 17_000);
    }

    @Test
    void aLongRecordingGivesItsLoudestSecondOrIsSplit() throws Exception {
        short[] samples = new short[16_000 * 3 + 4_000];
        for (int i = 20_000; i < 28_000; i++) {
            samples[i] = (short) (i % 2 == 0 ? 8_000 : -8_000);
        }
        Path file = dir.resolve("long.wav");
        Wav.write(file, samples, 16_000);
        Recording recording = Recording.read(file);

        KeywordClips.Clips loudest = KeywordClips.of(recording, KeywordClips.Fit.LOUDEST);
        KeywordClips.Clips split = KeywordClips.of(recording, KeywordClips.Fit.SPLIT);

        assertThat(loudest.clips()).hasSize(1);
        assertThat(loudest.conversion()).contains("16000 Hz, mono, 16-bit PCM, 3.25 s: cut to its loudest second, 1.00-2.00 s");
        assertThat(split.clips()).hasSize(3);
        assertThat(split.conversion()).endsWith("split into 3 clip(s) of 1 s, the last 0.25 s dropped");
    }

    @Test
    void twentyFourBitAndFloatRecordingsAreRead() throws Exception {
        assertThat(Recording.read(TestWavs.tone(dir.resolve("24.wav"), 16_000, 1, 24, 0.1, 500)).describe())
                .isEqualTo("16000 Hz, mono, 24-bit PCM, 0.10 s");
        assertThat(Recording.read(TestWavs.tone(dir.resolve("32.wav"), 48_000, 1, 32, 0.1, 500)).channels()[0])
                .hasSize(4_800);
    }

    @Test
    void anEmptyFileATextFileAndACutWavAreRefusedByName() throws Exception {
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.wav"), "hello, this is not audio");
        Path header = TestWavs.tone(dir.resolve("cut.wav"), 16_000, 1, 16, 0.5, 500);
        Files.write(header, java.util.Arrays.copyOf(Files.readAllBytes(header), 44));

        assertThatThrownBy(() -> Recording.read(empty)).isInstanceOf(TinymlException.class).hasMessage(empty + " is empty (0 bytes)");
        assertThatThrownBy(() -> Recording.read(text)).hasMessage(text + " is not a WAV file (no RIFF/WAVE header)");
        assertThatThrownBy(() -> Recording.read(header)).hasMessage(header + ": a WAV file with no samples");
        assertThatThrownBy(() -> Recording.read(dir.resolve("gone.wav"))).hasMessage(dir.resolve("gone.wav") + ": no such file");
    }

    private static short max(short[] clip) {
        short max = 0;
        for (short s : clip) {
            max = (short) Math.max(max, s);
        }
        return max;
    }
}
