package io.tinymlaas.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.FrontEndTables;
import io.tinymlaas.device.firmware.FrontEndModel;
import io.tinymlaas.link.BoardErrorException;
import io.tinymlaas.link.ErrorMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C audio front end on the emulated Cortex-M4 board gives the Java front end's bytes, and refuses clips of other sizes. */
class BoardFrontEndIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Targets TARGETS = new Targets(LAYOUT);
    private static final String NANO = "arduino_nano_33_ble_sense";

    @TempDir
    Path work;

    @Test
    void theBoardComputesTheJavaFrontEndsFeaturesOnSilenceATonePinkishNoiseAndAClippedSquare() {
        List<short[]> clips = List.of(new short[FrontEndTables.CLIP], tone(1000, 8000), noise(7, 3000), square(440));
        TargetRun run = new BoardFrontEnd(TARGETS.target(NANO).boardRunner(work), LAYOUT.firmware()).features(clips);
        FrontEnd java = new FrontEnd();
        assertThat(run.outputs()).hasSize(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            assertThat(run.outputs().get(i)).as("features of clip %d", i).isEqualTo(java.features(clips.get(i)));
        }
        assertThat(run.instructions()).hasSize(clips.size()).allSatisfy(n -> assertThat(n).isBetween(1_000_000L, 100_000_000L));
        System.out.println("front end on " + NANO + ": instructions per clip " + run.instructions() + ", firmware " + run.size());
    }

    @Test
    void aClipOfTheWrongLengthIsRefusedBeforeItIsSent() {
        BoardFrontEnd frontEnd = new BoardFrontEnd(TARGETS.target(NANO).boardRunner(work), LAYOUT.firmware());
        assertThatThrownBy(() -> frontEnd.features(List.of(new short[FrontEndTables.CLIP], new short[15999])))
                .isInstanceOf(TargetException.class)
                .hasMessage("clip 1 has 15999 samples; the audio front end takes clips of 16000 (one second at 16000 Hz)");
    }

    @Test
    void theBoardAnswersAnInputLongerThanAClipWithWrongInputSize() {
        byte[] tooLong = new byte[FrontEndModel.INPUT_BYTES + 2];
        assertThatThrownBy(() -> TARGETS.target(NANO).boardRunner(work).runFirmware(new FrontEndModel(LAYOUT.firmware()), List.of(tooLong)))
                .isInstanceOfSatisfying(BoardErrorException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorMessage.WRONG_INPUT_SIZE))
                .hasMessageContaining("ERROR 3 \"wrong input size\"");
    }

    private static short[] tone(double hz, int amplitude) {
        short[] clip = new short[FrontEndTables.CLIP];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / FrontEndTables.SAMPLE_RATE));
        }
        return clip;
    }

    private static short[] noise(long seed, int amplitude) {
        Random random = new Random(seed);
        short[] clip = new short[FrontEndTables.CLIP];
        double smooth = 0;
        for (int i = 0; i < clip.length; i++) {
            smooth = 0.7 * smooth + 0.3 * random.nextGaussian();
            clip[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(amplitude * smooth)));
        }
        return clip;
    }

    private static short[] square(double hz) {
        short[] clip = new short[FrontEndTables.CLIP];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = Math.sin(2 * Math.PI * hz * i / FrontEndTables.SAMPLE_RATE) >= 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        return clip;
    }
}
