package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tinyml run`, the network tester, without Docker: the target is the host's gcc (sanitizers on) instead of the x86
 * container; RunCommandIT runs the real container.
 */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private boolean corrupt;

    private boolean realTargets;

    /** x86 is a host gcc build here (no Docker), unless a test asks for the real targets. */
    private int run(String... args) {
        return Main.run(() -> realTargets ? Tinyml.forThisProject() : HostGccTarget.onX86(work -> new HostGccTarget(work, corrupt)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path model(String name, TfliteModel model) throws Exception {
        return Files.write(dir.resolve(name), TfliteWriter.write(model));
    }

    private Path randomRawInputs(int count, int size) throws Exception {
        byte[] bytes = new byte[count * size];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve("inputs.bin"), bytes);
    }

    @Test
    void aHandBuiltCnnIsBitIdenticalOnRawInputsAndTheReportSaysSo() throws Exception {
        Path model = model("small_cnn.tflite", HandBuiltModels.smallCnn());
        Path inputs = randomRawInputs(25, 36);
        Path reports = dir.resolve("reports");
        int code = run("run", model.toString(), "--input", inputs.toString(), "--show", "3", "--report-dir", reports.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("25 input(s) of 36 bytes (raw), 3 output bytes each")
                .contains("input 0: max |ours - reference| 0 LSB, 0 of 3 outputs differ")
                .containsPattern("  output int8 \\[-?\\d+, -?\\d+, -?\\d+\\] = \\[\\S+, \\S+, \\S+\\]")
                .contains("input 2: ").doesNotContain("input 3: ")
                .contains("... 22 more input(s) not listed")
                .contains("total: 25 input(s), max |ours - reference| 0 LSB, 0 of 75 outputs differ in 0 input(s)")
                .contains("BIT-IDENTICAL");
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.get("bit_identical").asBoolean()).isTrue();
        assertThat(report.get("inputs").asInt()).isEqualTo(25);
        assertThat(report.get("per_input")).hasSize(25);
        assertThat(report.get("input_format").asText()).isEqualTo("raw");
    }

    /**
     * a = (0.5, 1), b = (2, -1), quantized with their own scales (0.05 and 0.1) into the first and the second input; out
     * come a + b = (2.55, 0) at 0.15 per step and a·b = (1, -1) at 0.5, one after the other.
     */
    @Test
    void aModelWithTwoInputsAndTwoOutputsTakesBothTensorsPerInferenceAndIsBitIdentical() throws Exception {
        Path model = model("two_inputs.tflite", HandBuiltModels.twoInputsTwoOutputs());
        Path text = Files.writeString(dir.resolve("x.txt"), "0.5 1 2 -1\n0 0 0 0\n");
        int code = run("run", model.toString(), "--input", text.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("2 input(s) of 4 bytes (text, each its 2 tensors back to back), 4 output bytes each")
                .contains("input 0: max |ours - reference| 0 LSB, 0 of 4 outputs differ")
                .contains("output int8 [17, 0, -3, -7] = [2.55000, 0.00000, 1.00000, -1.00000]")
                .contains("BIT-IDENTICAL");
        Path raw = randomRawInputs(3, 4);
        assertThat(run("run", model.toString(), "--input", raw.toString(), "--report-dir", dir.resolve("raw").toString())).isZero();
        assertThat(out.toString()).contains("3 input(s) of 4 bytes (raw, each its 2 tensors back to back)");
    }

    @Test
    void aModelTheInterpreterRejectsForItsQuantizationAxisRunsOnX86UnjudgedAfterOneLineSayingWhich() throws Exception {
        Path model = model("person_like.tflite", HandBuiltModels.smallCnnWithMisplacedBiasAxis());
        Path inputs = randomRawInputs(2, 36);
        Path reports = dir.resolve("reports");
        int code = run("run", model.toString(), "--input", inputs.toString(), "--report-dir", reports.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString().lines().findFirst()).contains(model + ": reference interpreter 2.6 rejects tensor 2 "
                + "'conv/bias': quantized_dimension 3 (of its 2 scales) outside its 1 dimension(s), which TFLM does not check; "
                + "no second reference for our x86 build itself, so its outputs are shown unjudged");
        assertThat(out.toString()).contains("2 input(s) of 36 bytes (raw), 3 output bytes each; ours on x86, unjudged")
                .containsPattern("input 0: unjudged\n  output int8 \\[")
                .contains("total: 2 input(s), unjudged").contains("UNJUDGED on host gcc");
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.get("judged_against").isNull()).isTrue();
    }

    @Test
    void textInputsAreQuantizedWithTheModelsInputScale() throws Exception {
        Path model = model("tiny_dense.tflite", SampleModels.tinyDense());
        Path inputs = Files.writeString(dir.resolve("x.txt"), "0, 0.5 1.0\n1.5,\t2.0\n3 4.5 6 100\n");
        int code = run("run", model.toString(), "--input", inputs.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("9 input(s) of 1 bytes (text)")
                .contains("were outside the int8 range after quantization and were clamped")
                .contains("total: 9 input(s), max |ours - reference| 0 LSB");
    }

    @Test
    void aDifferenceIsCountedInLsbAndTheExitCodeIsOne() throws Exception {
        corrupt = true;
        Path model = model("tiny_dense.tflite", SampleModels.tinyDense());
        Path inputs = randomRawInputs(4, 1);
        int code = run("run", model.toString(), "--input", inputs.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("input 3: max |ours - reference| 1 LSB, 1 of 1 outputs differ")
                .contains("1 of 4 outputs differ in 1 input(s) (first: input 3)").contains("DIFFERENT");
    }

    @Test
    void aFloatModelRunsOnLittleEndianRawAndOnTextInputsWithinTheTolerance() throws Exception {
        Path model = model("float.tflite", HandBuiltModels.floatDense());
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate(3 * 2 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {1f, 2f, -3.5f, 0.25f, 1e-3f, 7f}) {
            raw.putFloat(v);
        }
        Path inputs = Files.write(dir.resolve("in.bin"), raw.array());
        int code = run("run", model.toString(), "--input", inputs.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("3 input(s) of 8 bytes (raw), 4 output bytes each")
                .contains("total: 3 input(s), max |ours - reference| / max(|reference|, 1) 0.00 (tolerance 1e-05), 0 of 3 outputs "
                        + "differ in 0 input(s)")
                .contains("BIT-IDENTICAL on host gcc");
        Path text = Files.writeString(dir.resolve("in.txt"), "1, 2\n-3.5, 0.25\n");
        assertThat(run("run", model.toString(), "--input", text.toString(), "--report-dir", dir.resolve("t").toString())).isZero();
        assertThat(out.toString()).contains("2 input(s) of 8 bytes (text)");
    }

    @Test
    void anUnsupportedOperatorIsRefusedWithOneLineAndExitCodeTwo() throws Exception {
        Path model = model("reverse.tflite", HandBuiltModels.int8Unsupported());
        Path inputs = randomRawInputs(1, 4);
        assertThat(run("run", model.toString(), "--input", inputs.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: " + model + ": operator #0 REVERSE_V2 is not supported by the compiler")
                .hasLineCount(1);
    }

    @Test
    void anInputFileThatIsNotWholeTensorsIsRefused() throws Exception {
        Path model = model("small_cnn.tflite", HandBuiltModels.smallCnn());
        Path inputs = randomRawInputs(1, 37);
        assertThat(run("run", model.toString(), "--input", inputs.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: " + inputs + ": 37 bytes is not a whole number of input tensors of 36 bytes")
                .hasLineCount(1);
        Path text = Files.writeString(dir.resolve("few.csv"), "1,2,3");
        assertThat(run("run", model.toString(), "--input", text.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(text + ": 3 numbers is not a whole number of inputs of 36 values");
    }

    @Test
    void aBinaryFileReadAsTextIsRefusedWithoutPrintingItsBytes() throws Exception {
        Path model = model("tiny_dense.tflite", SampleModels.tinyDense());
        Path binary = Files.write(dir.resolve("inputs.dat"), new byte[] {'1', ',', ' ', '2', 0, 3});
        assertThat(run("run", model.toString(), "--input", binary.toString(), "--format", "text")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: " + binary + ": not a text file (byte 4 is 0x00); read it with --format raw"
                + System.lineSeparator());
    }

    @Test
    void aNegativeShowIsRefusedBeforeAnythingRuns() throws Exception {
        Path model = model("tiny_dense.tflite", SampleModels.tinyDense());
        Path inputs = randomRawInputs(2, 1);
        assertThat(run("run", model.toString(), "--input", inputs.toString(), "--show", "-3")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: --show -3: give how many inputs to list, 0 or more" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownBoardIsRefusedBeforeAnythingRuns() throws Exception {
        realTargets = true;
        Path model = model("tiny_dense.tflite", SampleModels.tinyDense());
        Path inputs = randomRawInputs(2, 1);
        assertThat(run("run", model.toString(), "--input", inputs.toString(), "--board", "no_such_board")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: ").contains("no_such_board").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpDescribesBothInputFormatsForInt8AndFloatModels() {
        assertThat(run("run", "--help")).isZero();
        // picocli wraps the footer at 80 columns: compare with the line breaks as spaces
        assertThat(out.toString().replaceAll("\\s*\\R", " ")).contains("--input").contains("--board")
                .contains("raw   the input tensors' bytes back to back")
                .contains("a float32 input is 4 bytes per value, IEEE 754 single precision, little-endian")
                .contains("text  real numbers separated by commas").contains("quantized with the model's input scale");
    }
}
