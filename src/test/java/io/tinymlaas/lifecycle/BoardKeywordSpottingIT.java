package io.tinymlaas.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.data.audio.FrontEndTables;
import io.tinymlaas.data.audio.Keyword;
import io.tinymlaas.data.audio.SpeechCommands.Clip;
import io.tinymlaas.device.BoardKeywordSpotter;
import io.tinymlaas.device.TargetException;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.FirmwareTooBigException;
import io.tinymlaas.device.firmware.KeywordSpotterModel;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.lifecycle.KeywordSpotting.BoardKeywords;
import io.tinymlaas.link.BoardErrorException;
import io.tinymlaas.link.ErrorMessage;
import io.tinymlaas.train.TrainingConfig.Phase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * micro_speech as one firmware on the emulated Nano: raw clips in, the keyword network's int8 scores out, bit-identical to
 * the reference interpreter fed by the Java front end. The keyword model is trained here on a few clips, in seconds: its
 * accuracy does not matter, its scores must match.
 */
class BoardKeywordSpottingIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Targets TARGETS = new Targets(LAYOUT);
    private static final String NANO = "arduino_nano_33_ble_sense";
    /** 24 clips per class to train on, one held-out clip of each class to run on the board. */
    private static final MicroSpeech.Profile FEW_CLIPS = new MicroSpeech.Profile("a few clips", 24, 4, 1,
            List.of(new Phase(8, 0.002f)), 0.0, Keyword.values().length);

    @TempDir
    static Path trainedIn;
    private static MicroSpeech example;
    private static Path tflite;

    @TempDir
    Path work;

    @BeforeAll
    static void trainAKeywordModel() {
        example = new MicroSpeech(FEW_CLIPS);
        Lifecycle lifecycle = new Lifecycle(example, trainedIn, trainedIn.resolve("datasets"));
        lifecycle.collect();
        lifecycle.train();
        tflite = lifecycle.convert().file();
    }

    @Test
    void theBoardsScoresForRawClipsAreBitIdenticalToTheReferenceOnTheJavaFrontEndsFeaturesAndPickTheSameKeyword() {
        BoardKeywords result = new KeywordSpotting(example).onBoard(TARGETS.target(NANO), AotCompiler.compile(tflite), example.profile().boardFrontEndClips(), work);

        assertThat(result.clips()).extracting(Clip::label).containsExactly(Keyword.values());
        assertThat(result.run().outputs()).hasSize(4).allSatisfy(scores -> assertThat(scores).hasSize(Keyword.values().length));
        assertThat(result.comparison().bitIdentical()).as("clip %d differs first", result.comparison().firstMismatch()).isTrue();
        assertThat(result.comparison().maxAbsDiffLsb()).isZero();
        for (int i = 0; i < result.clips().size(); i++) {
            assertThat(KeywordSpotting.predicted(result.run().outputs().get(i))).as("keyword of clip %d", i)
                    .isEqualTo(KeywordSpotting.predicted(result.reference().get(i)));
        }
        assertThat(result.samePredictions()).isEqualTo(4);
        // the front end alone takes millions of instructions per clip; the network adds to them
        assertThat(result.run().instructions()).allSatisfy(n -> assertThat(n).isBetween(1_000_000L, 200_000_000L));
        assertThat(result.run().size().ramBytes()).isGreaterThan(2 * FrontEndTables.CLIP + result.arenaBytes());
        System.out.println(result.summary());
    }

    @Test
    void anInputLongerThanAClipGetsTheBoardsWrongInputSizeError() {
        KeywordSpotterModel spotter = new KeywordSpotterModel(LAYOUT.firmware(), AotCompiler.compile(tflite).compiled(), tflite.toString());
        assertThatThrownBy(() -> TARGETS.target(NANO).boardRunner(work).runFirmware(spotter, List.of(new byte[2 * FrontEndTables.CLIP + 2])))
                .isInstanceOfSatisfying(BoardErrorException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorMessage.WRONG_INPUT_SIZE))
                .hasMessage(NANO + ": INFER of input 0 (32002 B): the board answered ERROR 3 \"wrong input size\"");
    }

    @Test
    void aClipOfTheWrongLengthIsRefusedByTheHostNamingTheClip() {
        BoardKeywordSpotter spotter = new BoardKeywordSpotter(TARGETS.target(NANO).boardRunner(work), LAYOUT.firmware(),
                AotCompiler.compile(tflite).compiled(), tflite.toString());
        assertThatThrownBy(() -> spotter.scores(List.of(new short[FrontEndTables.CLIP], new short[8000])))
                .isInstanceOf(TargetException.class)
                .hasMessage("clip 1 has 8000 samples; the audio front end takes clips of 16000 (one second at 16000 Hz)");
    }

    @Test
    void aBoardWithTooLittleRamForTheClipTheFrontEndAndTheNetworkIsToldHowManyBytesAreMissing() {
        Board nano = TARGETS.boards().byId(NANO);
        Board small = new Board(nano.id(), nano.name(), nano.mcu(), nano.core(), nano.fpu(), nano.clockMhz(), nano.flashBytes(), 32768,
                nano.consoleUart(), nano.renode(), nano.qemu(), nano.toolchain(), nano.emulation(), nano.unsupportedReason(),
                nano.sources(), nano.notes(), nano.economics(), nano.flashTiming(), nano.family(), nano.device());
        CompiledModel network = AotCompiler.compile(tflite).compiled();
        assertThatThrownBy(() -> new FirmwareBuilder(LAYOUT.firmware()).build(new KeywordSpotterModel(LAYOUT.firmware(), network,
                tflite.toString()), small, new QemuEmulator().buildProfile(small), work))
                .isInstanceOfSatisfying(FirmwareTooBigException.class, e -> {
                    assertThat(e.memory()).isEqualTo("RAM");
                    assertThat(e.overflowBytes()).isGreaterThan(2 * FrontEndTables.CLIP + network.plan().arenaBytes() - 32768);
                })
                .hasMessageMatching(NANO + ": the firmware needs \\d+ bytes of RAM, the board has 32768 \\(\\d+ bytes too many\\)");
    }
}
