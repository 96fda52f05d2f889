package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.cost.CostEstimate;
import io.tinymlaas.cost.CostModel;
import io.tinymlaas.cost.CostReport;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import java.nio.file.Path;
import java.util.Arrays;
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
        check(request);
        return estimate(request, assumptions(request.assumptions()), progress);
    }

    /**
     * Refuses a request that is bad input (an unknown example or board, a board with no power figures, no fleet) before
     * anything runs.
     */
    void check(CostRequest request) {
        pricedBoard(engine, request.example(), request.board());
        CostModel.requireScale(request.fleet(), request.years());
    }

    /** The estimate for a {@link #check checked} request, with the cost model's parameters already read. */
    CostOutcome estimate(CostRequest request, CostAssumptions assumptions, Consumer<StageResult> progress) {
        Board board = engine.board(request.board());
        BoardRuns.Measurement run = passedRun(engine, request.example(), request.board(), request.measureAgain(), progress);
        CostEstimate.Measured measured = measured(run);
        CostEstimate estimate = CostModel.estimate(request.example(), board, measured, request.fleet(), request.years(), assumptions);
        Path html = CostReport.write(estimate, engine.layout().output().resolve("cost").resolve(request.example() + "-" + request.board()));
        return new CostOutcome(estimate, CostReport.text(estimate), html, run.ranNow());
    }

    /**
     * The board of a question about costs: the example and the board must exist, and the board's descriptor must give
     * its power and price; refused, listing what does exist, before anything runs.
     */
    static Board pricedBoard(Tinyml engine, String example, String boardId) {
        if (!Examples.names().contains(example)) {
            throw new InvalidInputException("example", "no example '" + example + "'; known: " + String.join(", ", Examples.names()));
        }
        if (!engine.boardIds().contains(boardId)) {
            throw new InvalidInputException("board", "no board '" + boardId + "'"
                    + (boardId.equals(Tinyml.X86) ? " (x86 is where we test, not a device to buy)" : "")
                    + "; known: " + String.join(", ", engine.boardIds()));
        }
        Board board = engine.board(boardId);
        CostModel.requireEconomics(board);
        return board;
    }

    /** The assumptions in the user's file, or the ones this project ships when there is none. */
    static CostAssumptions assumptions(Path file) {
        return file == null ? CostAssumptions.defaults() : CostAssumptions.read(file);
    }

    /** The board's latest passing dry-run of the example (or one run now); a run that fails is refused with its reason. */
    static BoardRuns.Measurement passedRun(Tinyml engine, String example, String board, boolean again, Consumer<StageResult> progress) {
        BoardRuns.Measurement run = new BoardRuns(engine).latestOrRun(example, board, again, progress);
        if (!run.passed()) {
            throw new TinymlException("no measured instructions to cost: the dry-run of " + example + " on " + board
                    + " did not pass (" + run.firstFailure().orElse("it did not pass") + ")");
        }
        return run;
    }

    /** The figures of a passing dry-run: its instructions per inference and its model's input size. */
    static CostEstimate.Measured measured(BoardRuns.Measurement run) {
        JsonNode figures = run.figures();
        if (!figures.path("instructions_per_inference").isNumber()) {
            throw new TinymlException("the dry-run on " + run.report().path("target").asText() + " counted no instructions per inference");
        }
        TfliteModel tflite = TfliteReader.read(Path.of(figures.path("model_file").asText()));
        int inputBytes = (int) Arrays.stream(tflite.inputs()).mapToLong(input -> tflite.tensors().get(input).byteSize()).sum();
        return new CostEstimate.Measured(figures.path("instructions_per_inference").asLong(), inputBytes,
                figures.path("ran_on").asText(), run.report().path("started_at").asText(), figures.path("model_sha256").asText());
    }
}
