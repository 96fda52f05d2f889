package io.tinymlaas.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.cli.HandBuiltModels;
import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.BootExtras;
import io.tinymlaas.device.emulator.BuildProfile;
import io.tinymlaas.device.emulator.FrameBuffer;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.link.BoardErrorException;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.ErrorMessage;
import io.tinymlaas.link.InputBatch;
import io.tinymlaas.link.ResultMessage;
import io.tinymlaas.link.SerialLink;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs QEMU loads into a board's frame buffer before boot and the firmware runs by number (INFER_LOADED): the same
 * results as over the UART on each emulated core, and a clear error for every request the batch cannot answer.
 */
class LoadedInputsIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Targets TARGETS = new Targets(LAYOUT);
    private static final Board NANO = TARGETS.boards().byId("arduino_nano_33_ble_sense");
    private static final QemuEmulator QEMU = new QemuEmulator();
    private static final TfliteModel CNN = HandBuiltModels.smallCnn();
    private static final CompiledModel COMPILED = AotCompiler.compile(CNN, "22".repeat(32), "small_cnn.tflite");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"arduino_nano_33_ble_sense", "stm32f746_disco", "arm_mps3_an547"})
    void loadedInputsGiveTheReferenceOutputsAndTheInstructionsTheyTakeOverTheUart(String boardId) {
        Board board = TARGETS.boards().byId(boardId);
        List<byte[]> inputs = randomInputs(6);
        Firmware firmware = new FirmwareBuilder(LAYOUT.firmware()).build(COMPILED, board, QEMU.buildProfile(board), work);
        try (RunningBoard running = QEMU.boot(board, firmware.elf(), new BootExtras(batchFile(board, inputs), null), Duration.ofSeconds(20));
             SerialLink link = SerialLink.open(running.serialDevice())) {
            BoardSession session = session(link);
            List<ResultMessage> loaded = new ArrayList<>();
            session.inferLoaded(0, inputs.size(), loaded::add);
            List<ResultMessage> lastTwo = new ArrayList<>();
            session.inferLoaded(4, 2, lastTwo::add);
            List<ResultMessage> overUart = inputs.stream().map(session::infer).toList();

            assertThat(loaded).containsExactlyElementsOf(overUart);
            assertThat(lastTwo).containsExactlyElementsOf(overUart.subList(4, 6));
            assertThat(loaded.stream().map(ResultMessage::output).toList()).containsExactlyElementsOf(reference(inputs));
        }
    }

    @Test
    void aBoardRunLoadsItsInputsIntoTheFrameBufferSaysSoAndLeavesNoBatchFileBehind() {
        List<byte[]> inputs = randomInputs(4);

        TargetRun run = TARGETS.target(NANO.id()).runner(work).run(COMPILED, inputs);

        assertThat(run.outputs()).containsExactlyElementsOf(reference(inputs));
        assertThat(run.description())
                .isEqualTo("qemu mps2-an386 (same-core proxy) for arduino_nano_33_ble_sense, inputs loaded in its frame buffer");
        assertThat(work.resolve(NANO.id()).resolve("frame-buffer.bin")).doesNotExist();
    }

    @Test
    void aRangePastTheLoadedBatchIsRefusedWithBadInputIndexAndTheBoardKeepsServing() {
        List<byte[]> inputs = randomInputs(3);
        try (RunningBoard running = bootNano(batchFile(NANO, inputs));
             SerialLink link = SerialLink.open(running.serialDevice())) {
            BoardSession session = session(link);
            List<ResultMessage> results = new ArrayList<>();
            assertThatThrownBy(() -> session.inferLoaded(2, 2, results::add))
                    .isInstanceOfSatisfying(BoardErrorException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorMessage.BAD_INPUT_INDEX))
                    .hasMessage("INFER_LOADED of inputs 2 to 3: the board answered ERROR 9 \"input index out of range\"");
            assertThat(results).isEmpty();
            session.inferLoaded(2, 1, results::add);
            assertThat(results).extracting(ResultMessage::output).containsExactly(reference(inputs).get(2));
        }
    }

    @Test
    void aBoardWhoseFrameBufferHoldsNoBatchAnswersNoInputsLoaded() {
        try (RunningBoard running = QEMU.boot(NANO, nanoFirmware(), Duration.ofSeconds(20));
             SerialLink link = SerialLink.open(running.serialDevice())) {
            assertThatThrownBy(() -> session(link).inferLoaded(0, 1, ignored()))
                    .isInstanceOfSatisfying(BoardErrorException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorMessage.NO_INPUTS_LOADED))
                    .hasMessage("INFER_LOADED of input 0: the board answered ERROR 8 \"no inputs loaded\"");
        }
    }

    @Test
    void aBatchOfInputsOfAnotherSizeThanTheModelsIsRefusedWithWrongInputSize() {
        try (RunningBoard running = bootNano(batchFile(NANO, List.of(new byte[COMPILED.inputBytes() + 1])));
             SerialLink link = SerialLink.open(running.serialDevice())) {
            assertThatThrownBy(() -> session(link).inferLoaded(0, 1, ignored()))
                    .isInstanceOfSatisfying(BoardErrorException.class,
                            e -> assertThat(e.error().code()).isEqualTo(ErrorMessage.WRONG_INPUT_SIZE));
        }
    }

    @Test
    void firmwareBuiltWithoutAFrameBufferStillGetsItsInputsOverTheUart() {
        BuildProfile qemu = QEMU.buildProfile(NANO);
        BuildProfile withoutFrames = new BuildProfile(qemu.cpu(), qemu.fpuFlags(), qemu.flashOrigin(), qemu.flashLength(),
                qemu.ramOrigin(), qemu.ramLength(), qemu.uartBase(), qemu.uartRxIrq(), qemu.insnsPerTick(),
                qemu.insnsPerTickDenominator(), FrameBuffer.NONE);
        Firmware firmware = new FirmwareBuilder(LAYOUT.firmware()).build(COMPILED, NANO, withoutFrames, work);
        List<byte[]> inputs = randomInputs(3);

        TargetRun run = TARGETS.target(NANO.id()).boardRunner(work).runImage(firmware.elf(), COMPILED.modelHash(),
                firmware.size(), inputs);

        assertThat(run.outputs()).containsExactlyElementsOf(reference(inputs));
        assertThat(run.description()).isEqualTo("qemu mps2-an386 (same-core proxy) for arduino_nano_33_ble_sense");
    }

    private RunningBoard bootNano(Path batch) {
        return QEMU.boot(NANO, nanoFirmware(), new BootExtras(batch, null), Duration.ofSeconds(20));
    }

    private Path nanoFirmware() {
        return new FirmwareBuilder(LAYOUT.firmware()).build(COMPILED, NANO, QEMU.buildProfile(NANO), work).elf();
    }

    private Path batchFile(Board board, List<byte[]> inputs) {
        return QEMU.buildProfile(board).frameBuffer().write(InputBatch.of(inputs).orElseThrow(), work.resolve("batch.bin"));
    }

    private static BoardSession session(SerialLink link) {
        BoardSession session = new BoardSession(link, Duration.ofSeconds(10));
        session.hello();
        return session;
    }

    private static Consumer<ResultMessage> ignored() {
        return result -> { };
    }

    private static List<byte[]> randomInputs(int count) {
        Random random = new Random(15);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] input = new byte[COMPILED.inputBytes()];
            random.nextBytes(input);
            inputs.add(input);
        }
        return inputs;
    }

    private static List<byte[]> reference(List<byte[]> inputs) {
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(CNN), "small_cnn.tflite")) {
            return inputs.stream().map(interpreter::invoke).toList();
        }
    }
}
