package io.tinymlaas.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.cli.HandBuiltModels;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.compile.ops.LstmOperatorTest;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.FirmwareTooBigException;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.ErrorMessage;
import io.tinymlaas.link.Frame;
import io.tinymlaas.link.FrameEncoder;
import io.tinymlaas.link.FrameType;
import io.tinymlaas.link.SerialLink;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure modes of an emulated board, each with the clear error it must give. */
class BoardTargetIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Targets TARGETS = new Targets(LAYOUT);
    private static final Board NANO = TARGETS.boards().byId("arduino_nano_33_ble_sense");

    @TempDir
    Path work;

    private static CompiledModel tinyModel() {
        return AotCompiler.compile(SampleModels.tinyDense(), "11".repeat(32), "tiny.tflite");
    }

    @Test
    void aModelTooBigForTheBoardFailsNamingTheMemoryAndTheBytes() {
        Board tiny = withMemory(NANO, 2048, 262144);
        FirmwareBuilder builder = new FirmwareBuilder(LAYOUT.firmware());
        assertThatThrownBy(() -> builder.build(tinyModel(), tiny, new QemuEmulator().buildProfile(tiny), work))
                .isInstanceOfSatisfying(FirmwareTooBigException.class, e -> {
                    assertThat(e.memory()).isEqualTo("flash");
                    assertThat(e.overflowBytes()).isPositive();
                })
                .hasMessageMatching("arduino_nano_33_ble_sense: the firmware needs \\d+ bytes of flash, the board has 2048 "
                        + "\\(\\d+ bytes too many\\)");
    }

    @Test
    void tooLittleRamIsReportedAsRam() {
        Board tiny = withMemory(NANO, 1048576, 1024);
        FirmwareBuilder builder = new FirmwareBuilder(LAYOUT.firmware());
        assertThatThrownBy(() -> builder.build(tinyModel(), tiny, new QemuEmulator().buildProfile(tiny), work))
                .isInstanceOf(FirmwareTooBigException.class)
                .hasMessageContaining("bytes of RAM, the board has 1024");
    }

    @Test
    void aBoardRunKeepsItsInputsAndOutputsInItsWorkFolderAsAnX86RunDoes() throws Exception {
        TargetRun run = TARGETS.target(NANO.id()).runner(work).run(tinyModel(), List.of(new byte[] {3}, new byte[] {-7}));

        Path folder = work.resolve(NANO.id());
        assertThat(Files.readAllBytes(folder.resolve("inputs.bin"))).containsExactly(3, -7);
        assertThat(Files.readAllBytes(folder.resolve("outputs.bin"))).containsExactly(run.outputs().get(0)[0], run.outputs().get(1)[0]);
    }

    /** The link carries an inference's input and output bytes whatever tensors they hold, so it did not change. */
    @Test
    void aModelWithTwoInputsAndTwoOutputsIsBitIdenticalToTheInterpreterOnTheBoard() {
        TfliteModel model = HandBuiltModels.twoInputsTwoOutputs();
        Random random = new Random(16);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] input = new byte[4];
            random.nextBytes(input);
            inputs.add(input);
        }
        TargetRun run = TARGETS.target(NANO.id()).runner(work)
                .run(AotCompiler.compile(model, "22".repeat(32), "two_inputs.tflite"), inputs);
        try (ReferenceInterpreter reference = ReferenceInterpreter.load(TfliteWriter.write(model), "two_inputs.tflite")) {
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(run.outputs().get(i)).as("input %d", i).hasSize(4).isEqualTo(reference.invoke(inputs.get(i)));
            }
        }
    }

    /** mnist_lstm's float32 shape (28 steps of 28 features, 20 cells) with newlib's expf and tanhf on the M4. */
    @Test
    void aFloatLstmIsWithinTheFloatToleranceOfTheInterpreterOnTheBoard() {
        Random random = new Random(28);
        TfliteModel model = LstmOperatorTest.floatLstm(random, false, 1, 28, 28, 20, 0f);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ByteBuffer values = ByteBuffer.allocate(28 * 28 * 4).order(ByteOrder.LITTLE_ENDIAN);
            while (values.hasRemaining()) {
                values.putFloat(random.nextFloat());
            }
            inputs.add(values.array());
        }
        TargetRun run = TARGETS.target(NANO.id()).runner(work)
                .run(AotCompiler.compile(model, "33".repeat(32), "float_lstm.tflite"), inputs);
        try (ReferenceInterpreter reference = ReferenceInterpreter.load(TfliteWriter.write(model), "float_lstm.tflite")) {
            for (int i = 0; i < inputs.size(); i++) {
                FloatBuffer ours = ByteBuffer.wrap(run.outputs().get(i)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                FloatBuffer expected = ByteBuffer.wrap(reference.invoke(inputs.get(i))).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                assertThat(ours.remaining()).isEqualTo(28 * 20);
                for (int k = 0; k < expected.remaining(); k++) {
                    float r = expected.get(k);
                    assertThat(Math.abs(ours.get(k) - r) / Math.max(Math.abs(r), 1f)).as("input %d, value %d", i, k)
                            .isLessThanOrEqualTo((float) OperatorHarness.FLOAT_TOLERANCE);
                }
            }
        }
    }

    @Test
    void aHungModelTimesOutSayingWhichInferenceHung() {
        CompiledModel model = tinyModel();
        String hanging = model.source().replace("void tinyml_model_invoke(void) {",
                "void tinyml_model_invoke(void) {\n    for (volatile int spin = 1; spin;) { }");
        CompiledModel hung = new CompiledModel(model.modelHash(), model.header(), hanging, model.plan(),
                model.constantBytes(), model.inputBytes(), model.outputBytes());
        InferenceTarget board = TARGETS.target(NANO.id()).runner(work);
        assertThatThrownBy(() -> board.run(hung, List.of(new byte[] {0})))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("arduino_nano_33_ble_sense: inference 0 did not finish")
                .hasMessageContaining("no frame from /dev/pts/");
    }

    @Test
    void aCorruptFrameIsAnsweredWithAnErrorAndNotActedOn() {
        QemuEmulator qemu = new QemuEmulator();
        CompiledModel model = tinyModel();
        Firmware firmware = new FirmwareBuilder(LAYOUT.firmware()).build(model, NANO, qemu.buildProfile(NANO), work);
        try (RunningBoard running = qemu.boot(NANO, firmware.elf(), Duration.ofSeconds(20));
             SerialLink link = SerialLink.open(running.serialDevice())) {
            BoardSession session = new BoardSession(link, Duration.ofSeconds(10));
            session.hello();
            byte[] corrupt = FrameEncoder.encode(new Frame(FrameType.INFER, new byte[] {42}));
            corrupt[corrupt.length - 1] ^= 0x01;
            ErrorMessage error = session.sendExpectingError(corrupt);
            assertThat(error.code()).isEqualTo(ErrorMessage.BAD_CRC);
            assertThat(error.text()).isEqualTo("bad crc");
            byte[] wrongSize = FrameEncoder.encode(new Frame(FrameType.INFER, new byte[] {1, 2, 3}));
            assertThat(session.sendExpectingError(wrongSize).code()).isEqualTo(ErrorMessage.WRONG_INPUT_SIZE);
            assertThat(session.infer(new byte[] {42}).output()).hasSize(1);
        }
    }

    private static Board withMemory(Board board, long flash, long ram) {
        return new Board(board.id(), board.name(), board.mcu(), board.core(), board.fpu(), board.clockMhz(), flash, ram,
                board.consoleUart(), board.renode(), board.qemu(), board.toolchain(), board.emulation(),
                board.unsupportedReason(), board.sources(), board.notes(), board.economics(), board.flashTiming(), board.family(), board.device());
    }
}
