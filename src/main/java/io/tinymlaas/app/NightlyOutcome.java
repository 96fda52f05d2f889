package io.tinymlaas.app;

import io.tinymlaas.report.MatrixReport;
import java.nio.file.Path;
import java.util.List;

/**
 * Every example on every target: one matrix per example, the HTML page and the JUnit XML beside it.
 *
 * @param passed no cell that can run here failed
 */
public record NightlyOutcome(List<MatrixReport> matrices, Path html, Path junit, boolean passed) {
}
