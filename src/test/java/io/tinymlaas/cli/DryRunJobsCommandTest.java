package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.app.Tinyml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dry-run --jobs`: the board matrix on the registry's job engine, written as the command line writes its own. */
class DryRunJobsCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aMatrixOfABoardNoEmulatorRunsEndsAtOnceAndWritesMatrixMarkdownSayingWhy() {
        int status = run("dry-run", "hello_world", "--board", "himax_we1_plus", "--jobs", "--data-dir", data.toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("hello_world on 1 targets, one job each on the H2 database")
                .containsPattern("himax_we1_plus +CANNOT_RUN_HERE +\\S")
                .contains("| himax_we1_plus | CANNOT_RUN_HERE | – | – | – | – |")
                .contains("PASSED (every target that can run here); matrix: ");
        Path matrix = Tinyml.forThisProject().reportDirectory("hello_world", "matrix").resolve("matrix.md");
        assertThat(matrix).content().contains("| himax_we1_plus | CANNOT_RUN_HERE |");
        assertThat(data.resolve("registry.mv.db")).exists();
    }

    @Test
    void aBoardSampleIsRefusedWithJobsAndWhenItIsNotPositiveBeforeAnythingRuns() {
        assertThat(run("dry-run", "hello_world", "--board", "arduino_nano_33_ble_sense", "--board-inputs", "5", "--jobs")).isEqualTo(2);
        assertThat(err.toString()).contains("--board-inputs goes with dry-runs in this process, not with --jobs");

        assertThat(run("dry-run", "hello_world", "--board", "arduino_nano_33_ble_sense", "--board-inputs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("board-inputs: must be 1 or more, found 0").doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("collect");
    }

    @Test
    void aDatabaseWithoutJobsIsRefusedNamingTheOptionThatIsMissing() {
        int status = run("dry-run", "hello_world", "--db", "jdbc:postgresql://127.0.0.1:5432/tinyml");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--no-worker, --db and --data-dir go with --jobs").doesNotContain("\tat ");
    }
}
