package io.tinymlaas.data.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tinymlaas.core.HostProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontEndTest {

    private static final Path FRONTEND = Path.of("firmware/frontend").toAbsolutePath();
    private static final Path UTTERANCE_CACHE = Path.of("target/tinyml/datasets/micro_speech-utterances").toAbsolutePath();

    @Test
    void theCommittedCTablesAreTheOnesTheJavaFrontEndUses() throws IOException {
        assertThat(Files.readString(FRONTEND.resolve("frontend_tables.h")))
                .as("firmware/frontend/frontend_tables.h is stale: write FrontEndTables.cHeader() into it")
                .isEqualTo(FrontEndTables.cHeader());
    }

    @Test
    void cAndJavaGiveIdenticalFeaturesOnSpokenAndRandomClips(@TempDir Path dir) throws IOException {
        List<short[]> clips = new ArrayList<>(randomClips(new Random(11)));
        new SpeechCommands(new SpeechSynthesizer(UTTERANCE_CACHE))
                .clips(6, SpeechCommands.TEST_SPEAKERS, new Random(5)).forEach(clip -> clips.add(clip.audio()));
        FrontEnd java = new FrontEnd();
        byte[] c = runC(clips, dir);
        int size = FrontEnd.FEATURES;
        assertThat(c).hasSize(clips.size() * size);
        for (int i = 0; i < clips.size(); i++) {
            byte[] expected = java.features(clips.get(i));
            byte[] actual = Arrays.copyOfRange(c, i * size, (i + 1) * size);
            int at = Arrays.mismatch(expected, actual);
            if (at >= 0) {
                fail("clip %d of %d: C differs from Java first at frame %d channel %d (Java %d, C %d)", i, clips.size(),
                        at / FrontEndTables.CHANNELS, at % FrontEndTables.CHANNELS, expected[at], actual[at]);
            }
        }
        assertThat(clips).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void theCFrontEndBuildsForACortexM4WithoutWarnings(@TempDir Path dir) throws IOException {
        Path object = dir.resolve("frontend.o");
        HostProcess.run(List.of("arm-none-eabi-gcc", "-std=c99", "-O2", "-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard",
                "-mfpu=fpv4-sp-d16", "-Wall", "-Wextra", "-Werror", "-c", FRONTEND.resolve("frontend.c").toString(), "-o",
                object.toString()), null, dir);
        assertThat(object).isNotEmptyFile();
    }

    @Test
    void digitalSilenceIsTheLowestLevelEverywhere() {
        assertThat(new FrontEnd().features(new short[FrontEndTables.CLIP])).containsOnly((byte) -128);
    }

    @Test
    void aToneIsLoudestInItsOwnChannelAndTwiceTheAmplitudeIsTwelveLevelsHigher() {
        byte[] quiet = new FrontEnd().features(tone(1000, 2000));
        byte[] loud = new FrontEnd().features(tone(1000, 4000));
        int frame = 20 * FrontEndTables.CHANNELS;
        int loudest = 0;
        for (int c = 1; c < FrontEndTables.CHANNELS; c++) {
            loudest = quiet[frame + c] > quiet[frame + loudest] ? c : loudest;
        }
        assertThat(loudest).isEqualTo(channelOf(1000));
        // power x4 = 2 octaves of energy = 12 levels at 6 levels per octave; rounding may move it by one
        assertThat(loud[frame + loudest] - quiet[frame + loudest]).isBetween(11, 13);
    }

    @Test
    void theModelInputQuantizesBackToTheFeaturesExactly() {
        byte[] features = new byte[256];
        for (int i = 0; i < 256; i++) {
            features[i] = (byte) (i - 128);
        }
        float[] input = FrontEnd.toModelInput(features);
        for (int i = 0; i < 256; i++) {
            assertThat(Math.round(input[i] / FrontEnd.INPUT_SCALE) + FrontEnd.INPUT_ZERO_POINT).isEqualTo(features[i]);
        }
    }

    /** The channel whose triangle peaks nearest to {@code hz}: the segment's upper channel if the weight is high. */
    private static int channelOf(double hz) {
        int bin = (int) Math.round(hz * FrontEndTables.FFT_SIZE / FrontEndTables.SAMPLE_RATE);
        int segment = FrontEndTables.BIN_SEGMENT[bin];
        return FrontEndTables.BIN_WEIGHT[bin] >= FrontEndTables.WEIGHT_ONE / 2 ? segment : segment - 1;
    }

    private static short[] tone(double hz, double amplitude) {
        short[] clip = new short[FrontEndTables.CLIP];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / FrontEndTables.SAMPLE_RATE));
        }
        return clip;
    }

    /** Edge cases of the integer arithmetic (full-scale extremes, impulses, every level of noise) and random tones. */
    private static List<short[]> randomClips(Random random) {
        List<short[]> clips = new ArrayList<>();
        short[] minimum = new short[FrontEndTables.CLIP];
        Arrays.fill(minimum, Short.MIN_VALUE);
        clips.add(minimum);
        short[] square = new short[FrontEndTables.CLIP];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 8) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        clips.add(square);
        short[] impulses = new short[FrontEndTables.CLIP];
        for (int i = 0; i < impulses.length; i += 997) {
            impulses[i] = (short) (random.nextBoolean() ? 1 : -32768);
        }
        clips.add(impulses);
        for (int n = 0; n < 60; n++) {
            short[] clip = new short[FrontEndTables.CLIP];
            double scale = Math.pow(2, random.nextInt(17)) - 1;
            for (int i = 0; i < clip.length; i++) {
                clip[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(random.nextGaussian() * scale)));
            }
            clips.add(clip);
        }
        for (int n = 0; n < 15; n++) {
            clips.add(tone(40 + random.nextDouble() * 7900, 1 + random.nextDouble() * 32766));
        }
        return clips;
    }

    /** The C front end built with the host gcc, sanitizers on, run over the clips. */
    private static byte[] runC(List<short[]> clips, Path dir) throws IOException {
        Path tool = dir.resolve("features");
        HostProcess.run(List.of("gcc", "-std=c99", "-O1", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-Wall", "-Wextra",
                "-Werror", FRONTEND.resolve("frontend.c").toString(), FRONTEND.resolve("features_main.c").toString(), "-o",
                tool.toString()), null, dir);
        ByteBuffer pcm = ByteBuffer.allocate(clips.size() * FrontEndTables.CLIP * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] clip : clips) {
            for (short s : clip) {
                pcm.putShort(s);
            }
        }
        Path in = Files.write(dir.resolve("clips.pcm"), pcm.array());
        return HostProcess.run(List.of(tool.toString()), in, dir);
    }
}
