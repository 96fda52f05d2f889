package io.tinymlaas.app;

import io.tinymlaas.report.MatrixReport;
import io.tinymlaas.report.RunReport;
import java.nio.file.Path;
import java.util.List;

/** A dry-run's reports, one per target; with several targets also the matrix. {@code file}: report.json or matrix.json. */
public record DryRunOutcome(List<RunReport> reports, MatrixReport matrix, Path file) {

    /** One target: it passed. Several: no target that could run here failed (one that cannot run is not a failure). */
    public boolean passed() {
        return matrix == null ? reports.get(0).passed() : !matrix.anyFailed();
    }
}
