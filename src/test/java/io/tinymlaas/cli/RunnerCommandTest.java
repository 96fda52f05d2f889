package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml runner` refuses what it cannot run with one line, before any firmware is built or board booted. */
class RunnerCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void zeroTimedInferencesAreRefused() throws Exception {
        Path model = Files.write(dir.resolve("cnn.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn()));
        assertThat(run("runner", model.toString(), "--iterations", "0")).isNotZero();
        assertThat(err.toString().strip())
                .isEqualTo("tinyml: the runner needs at least 1 timed inference and no negative warm-ups, not 0 and 10");
    }

    @Test
    void aModelWithAFloatInputIsRefusedNamingItsInputTensor() throws Exception {
        Path model = Files.write(dir.resolve("float.tflite"), TfliteWriter.write(HandBuiltModels.floatDense()));
        assertThat(run("runner", model.toString())).isNotZero();
        assertThat(err.toString()).contains("float: the runner test loads random int8 inputs; this model's input")
                .contains("is FLOAT32");
        assertThat(out.toString()).isEmpty();
    }
}
