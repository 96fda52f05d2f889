package io.tinymlaas.app;

import io.tinymlaas.report.RunReport;
import java.nio.file.Path;

/** One benchmarked target: its dry-run report and the bench file (written only when the run passed). */
public record BenchOutcome(RunReport report, Path file) {
}
