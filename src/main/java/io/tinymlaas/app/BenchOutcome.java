package io.tinymlaas.app;

import io.tinymlaas.report.RunReport;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmarked target: its dry-run report, the bench file (written only when the run passed) and, for a real board
 * of a supported MCU family, the image files to flash onto it (otherwise null).
 */
public record BenchOutcome(RunReport report, Path file, List<String> deviceImages) {
}
