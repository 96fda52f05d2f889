package io.tinymlaas.report;

import java.util.List;

/** The outcome of one dry-run: every stage with its timing, the measured figures, and the verdict. */
public record RunReport(String example, String target, boolean passed, String startedAt, double totalSeconds,
                        List<StageResult> stages, RunFigures figures) {
}
