package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** `tinyml footprint` links the firmware with arm-none-eabi-gcc for the board's real memory (no emulator runs). */
class FootprintCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** y = w·x over 100,000 float32 inputs: 400,000 B of input in RAM, more than the Nano's 256 KiB. */
    private static TfliteModel wideFloatDense() {
        int n = 100_000;
        List<Tensor> tensors = List.of(
                new Tensor("x", TensorType.FLOAT32, new int[] {1, n}, null, null),
                new Tensor("w", TensorType.FLOAT32, new int[] {1, n}, null, new byte[4 * n]),
                new Tensor("y", TensorType.FLOAT32, new int[] {1, 1}, null, null));
        Operator fc = new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {0, 1, -1}, new int[] {2},
                Activation.NONE, OperatorOptions.NONE);
        return new TfliteModel("wide", tensors, List.of(fc), new int[] {0}, new int[] {2});
    }

    @Test
    void aModelTooBigForTheBoardsRamSaysWhichMemoryAndByHowManyBytesAndExitsOne() throws Exception {
        Path model = Files.write(dir.resolve("wide.tflite"), TfliteWriter.write(wideFloatDense()));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "footprint", model.toString(), "--board",
                "arduino_nano_33_ble_sense");
        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).containsPattern("arduino_nano_33_ble_sense +\\? +1048576 +\\? +262144  does not fit: \\d+ bytes too "
                + "many for RAM").doesNotContain("-1");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anArcBoardNoEmulatorHereRunsStillGetsItsFirmwareLinkedAgainstItsOwnMemory() throws Exception {
        Path model = Files.write(dir.resolve("wide.tflite"), TfliteWriter.write(wideFloatDense()));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "footprint", model.toString(), "--board",
                "himax_we1_plus");
        assertThat(code).as(out + "\n" + err).isZero();
        // 400,000 B of weights in flash and as much input in RAM, within the WE-I Plus's 2 MiB of each
        assertThat(out.toString()).containsPattern("himax_we1_plus +4\\d{5} +2097152 +4\\d{5} +2097152  fits");
    }
}
