package io.tinymlaas.report;

import io.tinymlaas.report.StageResult.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One example over several targets, one row per target: what support needs to accept or turn down a request
 * ("does model M work on board B?") without running anything again.
 */
public record MatrixReport(String example, List<Row> rows) {

    public enum Verdict { PASSED, CANNOT_RUN_HERE, FAILED }

    /** A target's verdict, why, and the figures measured there (null when the run did not get that far). */
    public record Row(String target, Verdict verdict, String reason, Long instructionsPerInference, Long flashBytes,
                      Long ramBytes, Integer arenaBytes) {
    }

    public static MatrixReport of(String example, List<RunReport> reports) {
        return new MatrixReport(example, reports.stream().map(MatrixReport::row).toList());
    }

    private static Row row(RunReport report) {
        Verdict verdict = Verdict.PASSED;
        String reason = "every stage passed";
        StageResult failed = report.stages().stream().filter(s -> s.status() == Status.FAILED).findFirst().orElse(null);
        if (failed != null) {
            verdict = Verdict.FAILED;
            reason = failed.name() + ": " + failed.detail();
        } else if (!report.passed()) {
            StageResult skipped = report.stages().stream().filter(s -> s.status() == Status.SKIPPED).findFirst().orElseThrow();
            verdict = Verdict.CANNOT_RUN_HERE;
            reason = skipped.detail();
        }
        RunFigures.Program program = report.figures().program();
        RunFigures.Compiled compiled = report.figures().compiled();
        return new Row(report.target(), verdict, reason, program == null ? null : program.instructionsPerInference(),
                program == null ? null : program.flashBytes(), program == null ? null : program.ramBytes(),
                compiled == null ? null : compiled.arenaBytes());
    }

    /** True when some target that could run the model did not pass: a real failure, not a board we cannot emulate. */
    public boolean anyFailed() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.FAILED);
    }

    public String markdown() {
        StringBuilder table = new StringBuilder("| target | verdict | instructions / inference | flash B | RAM B | arena B | reason |\n"
                + "|---|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            table.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n", r.target(), r.verdict(), cell(r.instructionsPerInference()),
                    cell(r.flashBytes()), cell(r.ramBytes()), cell(r.arenaBytes()), r.reason().replace("|", "\\|")));
        }
        return table.toString();
    }

    /**
     * Writes matrix.json, matrix.md and matrix.html (with charts beside TFLM's figures for each target's core, which
     * {@code coreOf} names: a board's core, or the target itself for x86) into the directory; returns the JSON file.
     */
    public Path write(Path directory, UnaryOperator<String> coreOf) {
        ReportWriter.writeText(markdown(), directory.resolve("matrix.md"));
        ReportWriter.writeText(MatrixPage.html(this, coreOf), directory.resolve("matrix.html"));
        ReportWriter.writeJson(this, directory.resolve("matrix.json"));
        return directory.resolve("matrix.json");
    }

    private static String cell(Object value) {
        return value == null ? "–" : value.toString();
    }
}
