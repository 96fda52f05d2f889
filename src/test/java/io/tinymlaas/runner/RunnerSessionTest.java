package io.tinymlaas.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The host side of the runner protocol against a scripted device: what it sends, and how it reads good and bad answers. */
class RunnerSessionTest {

    private static final Duration SHORT = Duration.ofMillis(50);

    /** A device that answers each command (its '%' removed) with lines the script gives; no answer at all for unknown ones. */
    private static final class ScriptedDevice implements RunnerChannel {
        final List<String> received = new ArrayList<>();
        private final Function<String, List<String>> script;
        private final Deque<String> pending = new ArrayDeque<>();

        ScriptedDevice(Function<String, List<String>> script) {
            this.script = script;
        }

        @Override
        public void write(String text) {
            assertThat(text).endsWith("%");
            String command = text.substring(0, text.length() - 1);
            received.add(command);
            pending.addAll(script.apply(command));
        }

        @Override
        public Optional<String> readLine(Duration timeout) {
            return Optional.ofNullable(pending.poll());
        }

        @Override
        public void close() {
        }
    }

    private static RunnerSession session(ScriptedDevice device) {
        return new RunnerSession(device, SHORT, SHORT);
    }

    private static ScriptedDevice answering(Map<String, List<String>> answers) {
        return new ScriptedDevice(command -> answers.getOrDefault(command, List.of()));
    }

    private static ScriptedDevice wellBehaved() {
        return new ScriptedDevice(command -> {
            if (command.equals("db load 36")) {
                return List.of("m-[Expecting 36 bytes]", "m-ready");
            }
            if (command.startsWith("db ")) {
                return command.length() == 3 + 2 * 5 ? List.of("m-load-done", "m-ready") : List.of("m-ready");
            }
            if (command.equals("infer 20 3")) {
                return List.of("m-warmup-start-3", "m-warmup-done", "m-infer-start-20", "m-lap-us-1000", "m-lap-us-1450",
                        "m-infer-done", "m-results-[0.500000,-0.125000]", "m-ready");
            }
            return List.of();
        });
    }

    @Test
    void theInputGoesOutAsDbLoadThenDbCommandsOf31BytesInLowerCaseHex() {
        ScriptedDevice device = wellBehaved();
        byte[] tensor = new byte[36];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = (byte) (i * 7 - 100);
        }
        session(device).load(tensor);
        assertThat(device.received).hasSize(3);
        assertThat(device.received.get(0)).isEqualTo("db load 36");
        assertThat(device.received.get(1)).isEqualTo("db 9ca3aab1b8bfc6cdd4dbe2e9f0f7fe050c131a21282f363d444b525960676e");
        assertThat(device.received.get(2)).isEqualTo("db 757c838a91");
    }

    @Test
    void anInferGivesItsLapTimesAndTheResultsAsPrinted() {
        RunnerInference inference = session(wellBehaved()).infer(20, 3);
        assertThat(inference.startUs()).isEqualTo(1000);
        assertThat(inference.endUs()).isEqualTo(1450);
        assertThat(inference.elapsedUs()).isEqualTo(450);
        assertThat(inference.microsecondsPerInference()).isEqualTo(22.5);
        assertThat(inference.results()).containsExactly("0.500000", "-0.125000");
    }

    @Test
    void nameAndProfileAreReadFromTheirLinesWhateverElseThePortCarries() {
        ScriptedDevice device = answering(Map.of(
                "name", List.of("", "m-timestamp-mode-performance", "m-name-dut-[tinymlaas nano]", "m-ready"),
                "profile", List.of("m-profile-[ULPMark for tinyML Firmware V0.0.1]", "m-model-[kws01]", "m-ready")));
        RunnerSession session = session(device);
        assertThat(session.name()).isEqualTo("tinymlaas nano");
        assertThat(session.profile()).isEqualTo(new RunnerProfile("ULPMark for tinyML Firmware V0.0.1", "kws01"));
    }

    @Test
    void theResetBannerIsReadBeforeTheFirstCommandSoItsMReadyEndsNoAnswer() {
        ScriptedDevice device = answering(Map.of("name", List.of("m-name-dut-[tinymlaas nano]", "m-ready")));
        device.pending.addAll(List.of("m-timestamp-mode-performance", "m-lap-us-8", "m-init-done", "m-ready"));
        RunnerSession session = session(device);
        assertThat(session.settle(SHORT)).containsExactly("m-timestamp-mode-performance", "m-lap-us-8", "m-init-done", "m-ready");
        assertThat(session.name()).isEqualTo("tinymlaas nano");
    }

    @Test
    void aCommandThatNeverEndsWithMReadyIsReportedAsHungByName() {
        ScriptedDevice device = answering(Map.of("name", List.of("m-name-dut-[x]")));
        assertThatThrownBy(() -> session(device).name()).isInstanceOf(RunnerException.class)
                .hasMessage("`name` hung: no m-ready within 50 ms; it printed [m-name-dut-[x]]");
    }

    @Test
    void aSilentDeviceIsReportedWithTheCommandItWasSent() {
        assertThatThrownBy(() -> session(answering(Map.of())).infer(5, 0)).isInstanceOf(RunnerException.class)
                .hasMessage("`infer 5 0` hung: no m-ready within 50 ms and nothing else");
    }

    @Test
    void anErrorLineFromTheDeviceIsARefusalNamingTheCommandAndTheNextCommandGetsItsOwnAnswer() {
        ScriptedDevice device = answering(Map.of("infer 1 0", List.of("e-[Inference iterations must be >0]", "m-ready"),
                "name", List.of("m-name-dut-[x]", "m-ready")));
        RunnerSession session = session(device);
        assertThatThrownBy(() -> session.infer(1, 0)).isInstanceOf(RunnerException.class)
                .hasMessage("`infer 1 0` was refused by the device: e-[Inference iterations must be >0]");
        assertThat(session.name()).as("the refusal's m-ready was read with it").isEqualTo("x");
    }

    @Test
    void malformedLinesAreRefusedSayingWhatWasExpected() {
        ScriptedDevice badName = answering(Map.of("name", List.of("m-name-[no dut]", "m-ready")));
        assertThatThrownBy(() -> session(badName).name()).hasMessageStartingWith("`name` did not answer a line like");

        ScriptedDevice oneLap = answering(Map.of("infer 2 0", List.of("m-warmup-start-0", "m-warmup-done", "m-infer-start-2",
                "m-lap-us-10", "m-lap-us-x", "m-infer-done", "m-results-[1.0]", "m-ready")));
        assertThatThrownBy(() -> session(oneLap).infer(2, 0)).hasMessageStartingWith("`infer 2 0` gave 1 m-lap-us lines instead of 2");

        ScriptedDevice noWarmup = answering(Map.of("infer 2 0", List.of("m-infer-start-2", "m-lap-us-1", "m-lap-us-2",
                "m-infer-done", "m-results-[1.0]", "m-ready")));
        assertThatThrownBy(() -> session(noWarmup).infer(2, 0)).hasMessageStartingWith("`infer 2 0` did not print m-warmup-start-0");

        ScriptedDevice notANumber = answering(Map.of("results", List.of("m-results-[0.5,nan]", "m-ready")));
        assertThatThrownBy(() -> session(notANumber).results())
                .hasMessage("`results` printed a result that is not a number: m-results-[0.5,nan]");

        ScriptedDevice noProfile = answering(Map.of("profile", List.of("m-model-[kws01]", "m-ready")));
        assertThatThrownBy(() -> session(noProfile).profile()).hasMessageStartingWith("`profile` did not answer m-profile-[...]");
    }

    @Test
    void aLoadThatIsNotAcknowledgedWithMLoadDoneFails() {
        ScriptedDevice device = answering(Map.of("db load 2", List.of("m-[Expecting 2 bytes]", "m-ready"),
                "db 0102", List.of("m-ready")));
        assertThatThrownBy(() -> session(device).load(new byte[] {1, 2}))
                .hasMessage("the last `db` command (db 0102) was not answered m-load-done: []");
    }

    @Test
    void printedValuesAreTheDequantizedOutputToSixDecimalsAsTheFirmwarePrintsThem() {
        Tensor output = new Tensor("probabilities", TensorType.INT8, new int[] {1, 4}, Quantization.perTensor(1f / 256, -128), null);
        assertThat(RunnerValues.printed(List.of(output), new byte[] {-128, 127, 0, -1}))
                .containsExactly("0.000000", "0.996094", "0.500000", "0.496094");
        Tensor signed = new Tensor("logits", TensorType.INT8, new int[] {1, 3}, Quantization.perTensor(0.1f, 3), null);
        assertThat(RunnerValues.printed(List.of(signed), new byte[] {3, -7, 100}))
                .containsExactly("0.000000", "-1.000000", "9.700000");
    }

    @Test
    void severalOutputsArePrintedOneAfterTheOtherEachWithItsOwnTypeAndQuantization() {
        Tensor probabilities = new Tensor("probabilities", TensorType.INT8, new int[] {1, 2}, Quantization.perTensor(1f / 256, -128),
                null);
        Tensor box = new Tensor("box", TensorType.FLOAT32, new int[] {1, 1}, null, null);
        byte[] bytes = java.nio.ByteBuffer.allocate(6).order(java.nio.ByteOrder.LITTLE_ENDIAN).put((byte) 0).put((byte) -128)
                .putFloat(-0.25f).array();
        assertThat(RunnerValues.printed(List.of(probabilities, box), bytes)).containsExactly("0.500000", "0.000000", "-0.250000");
    }
}
