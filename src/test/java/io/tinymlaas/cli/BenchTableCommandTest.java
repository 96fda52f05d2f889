package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml bench-table` over a project of its own (tinyml.root), whose target/bench holds the files of each test. */
class BenchTableCommandTest {

    @TempDir
    Path project;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path bench;

    @BeforeEach
    void aProjectWithTheRealBoards() throws Exception {
        Path real = ProjectLayout.find().root();
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("firmware"));
        Path boards = Files.createDirectories(project.resolve("boards"));
        try (var yamls = Files.list(real.resolve("boards"))) {
            for (Path yaml : yamls.toList()) {
                Files.copy(yaml, boards.resolve(yaml.getFileName()));
            }
        }
        bench = Files.createDirectories(project.resolve("target/bench"));
        System.setProperty("tinyml.root", project.toString());
    }

    @AfterEach
    void backToThisProject() {
        System.clearProperty("tinyml.root");
    }

    @Test
    void aBenchmarkFileWithoutItsDateIsARowWithADashNotACrash() throws Exception {
        Files.writeString(bench.resolve("hello_world-x86.json"), "{\"example\": \"hello_world\", \"target\": \"x86\"}");
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench-table");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("| hello_world | x86 | – |").endsWith("| – |" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    /** System.out's PrintWriter buffers what print() writes; the table must reach the stream before the JVM exits. */
    @Test
    void theTableReachesABufferedStreamWithoutAnyoneFlushingIt() throws Exception {
        Files.writeString(bench.resolve("hello_world-x86.json"), "{\"example\": \"hello_world\", \"target\": \"x86\"}");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Main.run(new PrintWriter(stdout, true), new PrintWriter(err, true), "bench-table");
        assertThat(code).as(err.toString()).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("| hello_world | x86 | – |");
    }

    @Test
    void theServiceBenchmarksFileIsNotARowOfTheDryRunTable() throws Exception {
        Files.writeString(bench.resolve("hello_world-x86.json"), "{\"example\": \"hello_world\", \"target\": \"x86\"}");
        Files.writeString(bench.resolve("service-h2.json"), "{\"database\": \"h2\", \"measured_at\": \"2026-12-07T12:00:00Z\"}");
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench-table");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(line -> line.startsWith("|"))).hasSize(3).last().asString()
                .startsWith("| hello_world | x86 |");
    }

    @Test
    void anM4RowStandsBesideTflmsReleaseFiguresWithTheRatioAndTheCommitTheyCameFrom() throws Exception {
        Files.writeString(bench.resolve("hello_world-arduino_nano_33_ble_sense.json"), "{\"example\": \"hello_world\","
                + " \"target\": \"arduino_nano_33_ble_sense\", \"instructions_per_inference\": 1102}");
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench-table");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("TFLM 90b983c2").contains("measured 2026-12-07")
                .contains("| hello_world | arduino_nano_33_ble_sense | 1102 | – | 5,249 / 3,528 | 3.20× |");
    }
}
