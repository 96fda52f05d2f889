package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.cost.CostEstimate;
import io.tinymlaas.cost.CostModel;
import io.tinymlaas.cost.CostReport;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Cost estimates from measured runs: the board's latest dry-run of the example gives the instructions per inference and
 * the model's input size; where there is none, the dry-run runs first.
 */
final class CostEstimates {

    private final Tinyml engine;

    CostEstimates(Tinyml engine) {
        this.engine = engine;
    }

    CostOutcome estimate(CostRequest request, Consumer<StageResult> progress) {
        if (!Examples.names().contains(request.example())) {
            throw new InvalidInputException("example", "no example '" + request.example() + "'; known: "
                    + String.join(", ", Examples.names()));
        }
        if (!engine.boardIds().contains(request.board())) {
            throw new InvalidInputException("board", "no board '" + request.board() + "'"
                    + (request.board().equals(Tinyml.X86) ? " (x86 is where we test, not a device to buy)" : "")
                    + "; known: " + String.join(", ", engine.boardIds()));
        }
        CostAssumptions assumptions = request.assumptions() == null ? CostAssumptions.defaults()
                : CostAssumptions.read(request.assumptions());
        Board board = engine.board(request.board());
        CostModel.requireEconomics(board);
        Optional<CostEstimate.Measured> earlier = request.measureAgain() ? Optional.empty() : measured(request);
        CostEstimate.Measured measured = earlier.orElseGet(() -> measureNow(request, progress));
        CostEstimate estimate = CostModel.estimate(request.example(), board, measured, request.fleet(), request.years(), assumptions);
        Path html = CostReport.write(estimate, engine.layout().output().resolve("cost").resolve(request.example() + "-" + request.board()));
        return new CostOutcome(estimate, CostReport.text(estimate), html, earlier.isEmpty());
    }

    private CostEstimate.Measured measureNow(CostRequest request, Consumer<StageResult> progress) {
        RunReport report = engine.dryRun(RunRequest.of(request.example(), request.board()), progress).reports().get(0);
        if (!report.passed()) {
            String why = report.stages().stream().filter(stage -> stage.status() != StageResult.Status.PASSED).findFirst()
                    .map(stage -> stage.name() + ": " + stage.detail()).orElse("it did not pass");
            throw new TinymlException("no measured instructions to cost: the dry-run of " + request.example() + " on "
                    + request.board() + " did not pass (" + why + ")");
        }
        return measured(request).orElseThrow(() -> new TinymlException("the dry-run of " + request.example() + " on "
                + request.board() + " passed but counted no instructions per inference"));
    }

    /** The latest passing dry-run's figures, when it counted instructions and its model file is still there. */
    private Optional<CostEstimate.Measured> measured(CostRequest request) {
        Path file = engine.reportDirectory(request.example(), request.board()).resolve("report.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode report;
        try {
            report = ReportWriter.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new TinymlException(file + ": " + IoFailure.reason(e));
        }
        JsonNode figures = report.path("figures");
        Path model = Path.of(figures.path("model_file").asText(""));
        if (!report.path("passed").asBoolean() || !figures.path("instructions_per_inference").isNumber() || !Files.isRegularFile(model)) {
            return Optional.empty();
        }
        TfliteModel tflite = TfliteReader.read(model);
        int inputBytes = (int) Arrays.stream(tflite.inputs()).mapToLong(input -> tflite.tensors().get(input).byteSize()).sum();
        return Optional.of(new CostEstimate.Measured(figures.path("instructions_per_inference").asLong(), inputBytes,
                figures.path("ran_on").asText(), report.path("started_at").asText(), figures.path("model_sha256").asText()));
    }
}
