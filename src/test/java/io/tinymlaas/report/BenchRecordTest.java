package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.report.StageResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml bench`: which runs become benchmark files, with the figures they measured (the dry-runs themselves need Docker and QEMU). */
class BenchRecordTest {

    @TempDir
    Path bench;

    private static RunReport report(boolean passed, long instructions) {
        return new RunReport("hello_world", "wio_terminal", passed, "2026-11-26T00:00:00Z", 20.0,
                List.of(new StageResult("run", passed ? Status.PASSED : Status.FAILED, 1.0, passed ? "ok" : "board timed out")),
                onTarget(new RunFigures.Program(5000, 100, 2000, 5100, 2100, "wio_terminal under QEMU", instructions, instructions)));
    }

    /** A run's figures where only the program on the target was measured. */
    static RunFigures onTarget(RunFigures.Program program) {
        return new RunFigures(null, null, null, null, null, null, null, null, program, null, null, null);
    }

    @Test
    void aFailedRunLeavesTheLastPassingBenchmarkAsItWas() throws Exception {
        Path file = BenchRecord.of(report(true, 1102L)).writeIfPassed(bench);
        assertThat(file).isEqualTo(bench.resolve("hello_world-wio_terminal.json"));

        assertThat(BenchRecord.of(report(false, 9999L)).writeIfPassed(bench)).isEqualTo(file);

        assertThat(new ObjectMapper().readTree(file.toFile()).get("instructions_per_inference").asLong()).isEqualTo(1102L);
        assertThat(new ObjectMapper().readTree(file.toFile()).get("passed").asBoolean()).isTrue();
    }

    @Test
    void aBoardRunsReportAndBenchFileCarryInstructionsEstimatedCyclesAndMilliseconds() throws Exception {
        RunFigures.Program program = new RunFigures.Program(5000, 100, 2000, 5100, 2100, "wio_terminal under QEMU", 1102L, 1102L,
                1572L, 0.0131, Map.of("alu", 700L, "load", 402L));
        RunReport run = new RunReport("hello_world", "wio_terminal", true, "2026-11-26T00:00:00Z", 20.0,
                List.of(new StageResult("run", Status.PASSED, 1.0, "ok")), onTarget(program));
        Path reportFile = bench.resolve("report.json");
        ReportWriter.writeJson(run, reportFile);

        var report = new ObjectMapper().readTree(reportFile.toFile()).get("figures");
        assertThat(report.get("instructions_per_inference").asLong()).isEqualTo(1102L);
        assertThat(report.get("estimated_cycles_per_inference").asLong()).isEqualTo(1572L);
        assertThat(report.get("estimated_ms_per_inference").asDouble()).isEqualTo(0.0131);
        assertThat(report.get("instruction_classes").get("load").asLong()).isEqualTo(402L);
        var benchFile = new ObjectMapper().readTree(BenchRecord.of(run).write(bench).toFile());
        assertThat(benchFile.get("instructions_per_inference").asLong()).isEqualTo(1102L);
        assertThat(benchFile.get("estimated_cycles_per_inference").asLong()).isEqualTo(1572L);
        assertThat(benchFile.get("estimated_ms_per_inference").asDouble()).isEqualTo(0.0131);
    }

    @Test
    void aFailedFirstRunWritesNoBenchmarkFile() throws Exception {
        BenchRecord.of(report(false, 9999L)).writeIfPassed(bench);
        try (var files = Files.list(bench)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBoardRowNamesTheImagesForTheRealBoardAndOtherRowsLeaveThemOut() throws Exception {
        Path plain = BenchRecord.of(report(true, 1102L)).write(bench);
        assertThat(new ObjectMapper().readTree(plain.toFile()).has("device_images")).isFalse();

        Path images = Path.of("target/images/hello_world-wio_terminal");
        Path file = BenchRecord.of(report(true, 1102L))
                .withDeviceImages(List.of(images.resolve("wio_terminal.uf2"), images.resolve("wio_terminal.bin"))).write(bench);

        assertThat(new ObjectMapper().readTree(file.toFile()).get("device_images")).extracting(node -> node.asText())
                .containsExactly(images.resolve("wio_terminal.uf2").toString(), images.resolve("wio_terminal.bin").toString());
        assertThat(new ObjectMapper().readTree(file.toFile()).get("instructions_per_inference").asLong()).isEqualTo(1102L);
    }
}
