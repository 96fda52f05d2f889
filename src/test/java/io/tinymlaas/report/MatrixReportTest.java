package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.report.MatrixReport.Verdict;
import io.tinymlaas.report.StageResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixReportTest {

    private static RunReport report(String target, boolean passed, StageResult... stages) {
        return new RunReport("hello_world", target, passed, "2026-11-25T00:00:00Z", 1.0, List.of(stages),
                BenchRecordTest.onTarget(new RunFigures.Program(5400, 100, 2000, 5500, 2100, target, 1102L, 1102L)));
    }

    private static StageResult stage(String name, Status status, String detail) {
        return new StageResult(name, status, 0.1, detail);
    }

    @Test
    void aTargetWhoseRunWasSkippedBeforehandCannotRunHereAndDoesNotCountAsAFailure() {
        MatrixReport matrix = MatrixReport.of("hello_world", List.of(
                report("x86", true, stage("compile", Status.PASSED, "ok"), stage("run", Status.PASSED, "ok")),
                report("esp_eye", false, stage("compile", Status.PASSED, "ok"),
                        stage("run", Status.SKIPPED, "esp_eye cannot be emulated here: qemu: no ESP32 machine"),
                        stage("compare", Status.SKIPPED, "skipped after an earlier failure"))));
        assertThat(matrix.rows()).extracting(MatrixReport.Row::verdict).containsExactly(Verdict.PASSED, Verdict.CANNOT_RUN_HERE);
        assertThat(matrix.rows().get(1).reason()).isEqualTo("esp_eye cannot be emulated here: qemu: no ESP32 machine");
        assertThat(matrix.anyFailed()).isFalse();
    }

    @Test
    void aFailedStageMakesTheRowFailedNamingTheStageAndItsReason() {
        MatrixReport matrix = MatrixReport.of("hello_world", List.of(report("wio_terminal", false,
                stage("run", Status.FAILED, "does not fit: 1200 bytes too many for RAM"),
                stage("compare", Status.SKIPPED, "skipped after an earlier failure"))));
        assertThat(matrix.rows().get(0).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(matrix.rows().get(0).reason()).isEqualTo("run: does not fit: 1200 bytes too many for RAM");
        assertThat(matrix.anyFailed()).isTrue();
        assertThat(matrix.markdown()).contains("| wio_terminal | FAILED | 1102 | 5500 | 2100 | – | run: does not fit: 1200 bytes too many for RAM |");
    }
}
