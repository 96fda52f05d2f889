package io.tinymlaas.report;

import java.util.List;
import java.util.Map;

/** The outcome of one dry-run: every stage with its timing, the measured figures, and the verdict. */
public record RunReport(String example, String target, boolean passed, String startedAt, double totalSeconds,
                        List<StageResult> stages, Map<String, Object> figures) {
}
