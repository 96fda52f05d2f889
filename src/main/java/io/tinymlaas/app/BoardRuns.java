package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a dry-run measured of an example on a board, for the answers built on measurements (cost, feasibility): its
 * latest passing report, or a dry-run now where there is none.
 */
final class BoardRuns {

    private final Tinyml engine;

    BoardRuns(Tinyml engine) {
        this.engine = engine;
    }

    /**
     * The report (as report.json holds it) and whether it was made now; {@code again} runs the dry-run even when a passing
     * report exists. The answer may be a failed run's report: it says where and why.
     */
    Measurement latestOrRun(String example, String board, boolean again, Consumer<StageResult> progress) {
        Optional<JsonNode> passed = again ? Optional.empty() : latest(example, board).filter(report -> report.path("passed").asBoolean());
        if (passed.isPresent()) {
            return new Measurement(passed.get(), false);
        }
        engine.dryRun(RunRequest.of(example, board), progress);
        return new Measurement(latest(example, board).orElseThrow(() -> new TinymlException("the dry-run of " + example
                + " on " + board + " wrote no report")), true);
    }

    private Optional<JsonNode> latest(String example, String board) {
        Path file = engine.reportDirectory(example, board).resolve("report.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode report = ReportWriter.JSON.readTree(file.toFile());
            // a report whose model file was cleaned away since cannot be measured again
            return Files.isRegularFile(Path.of(report.path("figures").path("model_file").asText(""))) || !report.path("passed").asBoolean()
                    ? Optional.of(report) : Optional.empty();
        } catch (IOException e) {
            throw new TinymlException(file + ": " + IoFailure.reason(e));
        }
    }

    /** A dry-run's report.json and whether this call ran it. */
    record Measurement(JsonNode report, boolean ranNow) {

        boolean passed() {
            return report.path("passed").asBoolean();
        }

        JsonNode figures() {
            return report.path("figures");
        }

        /** The first stage that did not pass, as "stage: why". */
        Optional<String> firstFailure() {
            for (JsonNode stage : report.path("stages")) {
                if (!stage.path("status").asText().equals("PASSED")) {
                    return Optional.of(stage.path("name").asText() + ": " + stage.path("detail").asText());
                }
            }
            return Optional.empty();
        }
    }
}
