package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void compilingAValidModelWritesModelCAndModelH() throws Exception {
        Path model = Files.write(dir.resolve("tiny.tflite"), TfliteWriter.write(SampleModels.tinyDense()));
        assertThat(run("compile", model.toString(), "--out", dir.resolve("c").toString())).isZero();
        assertThat(dir.resolve("c/model.c")).content().contains("tinyml_fully_connected_s8");
        assertThat(dir.resolve("c/model.h")).content().contains("TINYML_MODEL_HASH");
        assertThat(out.toString()).contains("B activation arena");
    }

    @Test
    void aTruncatedModelGivesOneClearLineAndExitCodeTwoWithoutAStackTrace() throws Exception {
        byte[] bytes = TfliteWriter.write(SampleModels.tinyDense());
        Path model = Files.write(dir.resolve("cut.tflite"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(run("compile", model.toString(), "--out", dir.resolve("c").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: " + model + ": ").doesNotContain("\tat ");
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void anInt8TensorInsideTheGraphWithoutQuantizationIsNamedNotACrash() throws Exception {
        io.tinymlaas.tflite.TfliteModel tiny = SampleModels.tinyDense();
        int hidden = tiny.operators().get(0).outputs()[0];
        java.util.List<io.tinymlaas.tflite.Tensor> tensors = new java.util.ArrayList<>(tiny.tensors());
        io.tinymlaas.tflite.Tensor t = tensors.get(hidden);
        tensors.set(hidden, new io.tinymlaas.tflite.Tensor(t.name(), t.type(), t.shape(), null, t.data()));
        io.tinymlaas.tflite.TfliteModel broken = new io.tinymlaas.tflite.TfliteModel(tiny.description(), tensors, tiny.operators(),
                tiny.inputs(), tiny.outputs());
        Path model = Files.write(dir.resolve("unquantized.tflite"), TfliteWriter.write(broken));
        assertThat(run("compile", model.toString(), "--out", dir.resolve("c").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: " + model + ": operator #0 FULLY_CONNECTED: output '" + t.name()
                + "' has no quantization parameters" + System.lineSeparator());
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void aMissingModelFileIsNamed() {
        assertThat(run("compile", dir.resolve("nope.tflite").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.tflite: no such file");
    }

    @Test
    void anUnknownExampleListsTheKnownOnes() {
        assertThat(run("dry-run", "no_such_example")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown example 'no_such_example'; known: hello_world");
    }

    @Test
    void anUnknownExampleOrBoardIsRefusedBeforeTheDryRunAnnouncesItself() {
        assertThat(run("dry-run", "no_such_example", "--board", "x86")).isEqualTo(2);
        assertThat(run("dry-run", "hello_world", "--board", "x86,no_such_board")).isEqualTo(2);
        assertThat(run("bench", "hello_world", "--board", "no_such_board")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList()).hasSize(3).allMatch(line -> line.startsWith("tinyml: unknown "))
                .anyMatch(line -> line.startsWith("tinyml: unknown board 'no_such_board'; known boards: adafruit_edgebadge"));
    }

    @Test
    void aFailureNobodyForesawStillStartsWithOneLineAndExitsThree() throws Exception {
        Path model = Files.write(dir.resolve("tiny.tflite"), TfliteWriter.write(SampleModels.tinyDense()));
        Path input = Files.write(dir.resolve("in.bin"), new byte[] {1, 2});
        Supplier<Tinyml> buggy = () -> HostGccTarget.onX86(work -> {
            throw new IllegalStateException("a bug");
        });
        assertThat(Main.run(buggy, new PrintWriter(out, true), new PrintWriter(err, true), "run", model.toString(), "--input",
                input.toString())).isEqualTo(3);
        assertThat(err.toString()).startsWith("tinyml: internal error (a bug in tinyml, please report it with the trace below): "
                + "java.lang.IllegalStateException: a bug" + System.lineSeparator()).contains("\tat ");
    }

    @Test
    void anUnknownDataVersionIsRefusedBeforeTheDryRunStarts() {
        // hello_world's data set is 'sine'; whether this project has stored any, it holds no version 0000
        assertThat(run("dry-run", "hello_world", "--data", "0000")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: no ").containsPattern("data set '?sine").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void compilingIntoAFolderThatIsAFileSaysAFileIsInTheWay() throws Exception {
        Path model = Files.write(dir.resolve("tiny.tflite"), TfliteWriter.write(SampleModels.tinyDense()));
        Path file = Files.writeString(dir.resolve("out"), "mine");
        assertThat(run("compile", model.toString(), "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: cannot write the generated C to " + file + ": a file is in the way: " + file
                + System.lineSeparator());
        assertThat(file).hasContent("mine");
    }
}
