package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml keyword` refuses what cannot run before it synthesizes any speech or builds firmware. */
class KeywordCommandTest {

    private static final String NANO = "arduino_nano_33_ble_sense";
    private static final Path NOT_A_KEYWORD_MODEL = ProjectLayout.find().root()
            .resolve("src/test/resources/regressions/hello_world_input_minus77_off_by_one.tflite");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aBoardNoEmulatorHereRunsIsRefusedWithTheReason() {
        assertThat(run("keyword", "--board", "himax_we1_plus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: himax_we1_plus cannot be emulated here: ");
    }

    @Test
    void withoutAModelAnEmptyRegistrySaysHowToMakeOne(@TempDir Path registry) {
        assertThat(run("keyword", "--board", NANO, "--registry", registry.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: no judged micro_speech model in " + registry + " whose .tflite file still exists; "
                + "run `bin/tinyml dry-run micro_speech` first, or pass --model file.tflite" + System.lineSeparator());
    }

    @Test
    void aModelThatDoesNotReadTheFrontEndsFeaturesIsRefusedNamingItsInput() {
        assertThat(run("keyword", "--board", NANO, "--model", NOT_A_KEYWORD_MODEL.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: " + NOT_A_KEYWORD_MODEL + ": the keyword model must take the front end's 1960 "
                + "int8 features as they are (scale 0.0390625, zero point -128); its input is INT8 with 1 values");
    }

    @Test
    void aFloatModelIsRefusedAsNotQuantizedRatherThanCrashing(@TempDir Path dir) throws Exception {
        Path model = java.nio.file.Files.write(dir.resolve("float.tflite"),
                io.tinymlaas.tflite.TfliteWriter.write(HandBuiltModels.floatDense()));
        assertThat(run("keyword", "--board", NANO, "--model", model.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: " + model + ": the keyword model must take the front end's 1960 int8 features as "
                + "they are (scale 0.0390625, zero point -128); its input is FLOAT32 with 2 values (not quantized)" + System.lineSeparator());
    }

    @Test
    void noClipsIsRefused() {
        assertThat(run("keyword", "--board", NANO, "--model", NOT_A_KEYWORD_MODEL.toString(), "--clips", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: keyword spotting needs at least one clip to run on " + NANO + ", not 0"
                + System.lineSeparator());
    }
}
