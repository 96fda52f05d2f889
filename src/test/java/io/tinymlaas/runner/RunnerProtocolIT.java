package io.tinymlaas.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.cli.HandBuiltModels;
import io.tinymlaas.cli.Main;
import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner firmware on the emulated M4 (QEMU mps2-an386, the Nano 33 BLE Sense's proxy) with a hand-built CNN, driven
 * over its UART exactly as MLPerf Tiny's runner drives a device under test.
 */
class RunnerProtocolIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final String NANO = "arduino_nano_33_ble_sense";

    @TempDir
    Path dir;

    @Test
    void theBoardAnswersTheRunnersCommandsAndPrintsTheReferenceInterpretersOutput() throws Exception {
        Path tflite = Files.write(dir.resolve("hand_cnn.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn()));
        CompiledFile model = AotCompiler.compile(tflite);
        ReferenceInterpreter reference = ReferenceInterpreter.load(model.tflite().bytes(), tflite.toString());
        // Three inputs: the whole int8 range, a narrow one near the input's zero point, and a ramp.
        Random random = new Random(5);
        byte[] wide = new byte[model.compiled().inputBytes()];
        random.nextBytes(wide);
        byte[] narrow = new byte[wide.length];
        byte[] ramp = new byte[wide.length];
        for (int i = 0; i < wide.length; i++) {
            narrow[i] = (byte) (random.nextInt(24) - 22);
            ramp[i] = (byte) (i * 7 - 128);
        }
        List<byte[]> inputs = List.of(wide, narrow, ramp);

        Target nano = new Targets(LAYOUT).target(NANO);
        BoardTarget board = nano.boardRunner(dir.resolve("work"));
        Firmware firmware = board.build(new RunnerModel(model.compiled(), "hand_cnn", nano.board().orElseThrow().clockMhz()),
                LAYOUT.firmware().resolve("runner/runner.c"));
        try (RunningBoard running = board.start(firmware.elf());
             SerialRunnerChannel channel = SerialRunnerChannel.open(running.serialDevice())) {
            RunnerSession session = new RunnerSession(channel, RunnerProtocol.COMMAND_TIMEOUT, RunnerProtocol.INFER_TIMEOUT);
            List<String> banner = session.settle(RunnerProtocol.BANNER_QUIET);
            if (!banner.isEmpty()) { // QEMU drops what the board prints before the pty is opened
                assertThat(banner).startsWith("m-timestamp-mode-performance").contains("m-init-done").endsWith("m-ready");
            }

            assertThat(session.command("name")).containsExactly("m-name-dut-[tinymlaas " + NANO + "]");
            assertThat(session.command("profile"))
                    .containsExactly("m-profile-[ULPMark for tinyML Firmware V0.0.1]", "m-model-[hand_cnn]");
            assertThat(session.command("timestamp")).singleElement().asString().matches("m-lap-us-\\d+");

            for (byte[] input : inputs) {
                List<String> expected = RunnerValues.printed(model.tflite().model().outputTensors(), reference.invoke(input));
                session.load(input);
                RunnerInference inference = session.infer(20, 3);
                assertThat(inference.results()).hasSize(3).isEqualTo(expected);
                assertThat(session.results()).isEqualTo(expected);
                assertThat(inference.startUs()).isPositive();
                assertThat(inference.elapsedUs()).isPositive();
            }

            // What the reference firmware refuses, ours refuses with an e-[...] line and stays ready.
            assertThatThrownBy(() -> session.command("infer 0")).hasMessageContaining("e-[Inference iterations must be >0]");
            assertThatThrownBy(() -> session.command("db load 37")).hasMessageContaining("more bytes than the model's input takes");
            assertThatThrownBy(() -> session.command("frobnicate")).hasMessageContaining("e-[Unknown command: frobnicate]");
            assertThat(session.command("db load 2")).containsExactly("m-[Expecting 2 bytes]");
            assertThatThrownBy(() -> session.command("infer 1 0")).hasMessageContaining("Input db does not hold the model's input");
        }
    }

    @Test
    void theCliRunsTheRunnerProtocolAndSaysTheResultsAreIdentical() throws Exception {
        Path tflite = Files.write(dir.resolve("hand_cnn_cli.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "runner", tflite.toString(), "--iterations", "50", "--warmups", "2");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("name       m-name-dut-[tinymlaas " + NANO + "]")
                .contains("m-model-[hand_cnn_cli]")
                .contains("db load 36, then 2 db command(s), m-load-done")
                .containsPattern("infer 50 2: m-lap-us-\\d+ \\.\\. m-lap-us-\\d+ = [1-9]\\d* us")
                .contains("IDENTICAL to the reference interpreter's output, dequantized");
    }

    /** The runner loads every input's bytes with one db load and prints every output, each with its own quantization. */
    @Test
    void aModelWithTwoInputsAndTwoOutputsAnswersTheRunnerWithBothOutputs() throws Exception {
        Path tflite = Files.write(dir.resolve("two_inputs.tflite"), TfliteWriter.write(HandBuiltModels.twoInputsTwoOutputs()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "runner", tflite.toString(), "--iterations", "5", "--warmups", "1");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("db load 4, then 1 db command(s), m-load-done")
                .containsPattern("m-results-\\[-?\\d+\\.\\d{6}(,-?\\d+\\.\\d{6}){3}\\]")
                .contains("IDENTICAL to the reference interpreter's output, dequantized");
    }
}
