package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.app.FeasibilityVerdict.Check;
import io.tinymlaas.app.FeasibilityVerdict.Outcome;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.cost.CostEstimate;
import io.tinymlaas.cost.CostModel;
import io.tinymlaas.device.FootprintReport;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.lifecycle.NetworkTester;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Support-request verdicts: the request is dry-run on the emulated board and every limit is held against what was
 * measured there — operators the compiler takes, flash and RAM, bit-identical outputs, latency from the instructions at
 * the board's clock, accuracy on held-out data, battery life from the board's power.
 */
final class Feasibility {

    private final Tinyml engine;

    Feasibility(Tinyml engine) {
        this.engine = engine;
    }

    FeasibilityVerdict judge(FeasibilityRequest request, Consumer<StageResult> progress) {
        check(request);
        return judge(request, request.assumptions() == null ? CostAssumptions.defaults() : CostAssumptions.read(request.assumptions()), progress);
    }

    /** Refuses a request that is bad input (an unknown board, a limit out of range) before anything runs. */
    void check(FeasibilityRequest request) {
        if (!engine.boardIds().contains(request.board())) {
            throw new InvalidInputException("board", "no board '" + request.board() + "'; known: " + String.join(", ", engine.boardIds()));
        }
        limit("latency-ms", request.latencyMs(), Double.MAX_VALUE);
        limit("accuracy", request.accuracy(), 1);
        limit("battery-days", request.batteryDays(), Double.MAX_VALUE);
    }

    /** The verdict on a {@link #check checked} request, with the cost model's parameters already read. */
    FeasibilityVerdict judge(FeasibilityRequest request, CostAssumptions assumptions, Consumer<StageResult> progress) {
        Board board = engine.board(request.board());
        List<Check> checks = new ArrayList<>();
        Optional<String> cannotRun = engine.target(request.board()).whyNotRunnable();
        if (cannotRun.isPresent()) {
            checks.add(new Check("runs here", Outcome.UNVERIFIED, "cannot run here: " + cannotRun.get() + "; so nothing is verified"));
            return new FeasibilityVerdict(request.model(), request.board(), checks);
        }
        boolean isFile = request.model().endsWith(".tflite") || Files.isRegularFile(Path.of(request.model()));
        Optional<Measured> measured = isFile ? file(Path.of(request.model()), board, checks)
                : example(request.model(), board, request.accuracy(), checks, progress);
        if (measured.isPresent()) {
            Measured m = measured.get();
            double latencyMs = m.instructions() * assumptions.tinymlCyclesPerInstruction() / (board.clockMhz() * 1e3);
            if (request.latencyMs() != null) {
                checks.add(new Check("latency", latencyMs <= request.latencyMs() ? Outcome.MET : Outcome.NOT_MET, String.format(Locale.ROOT,
                        "%.3f ms per inference at %d MHz (%,d instructions × %s cycles), limit %s ms", latencyMs, board.clockMhz(),
                        m.instructions(), number(assumptions.tinymlCyclesPerInstruction()), number(request.latencyMs()))));
            }
            if (request.batteryDays() != null) {
                checks.add(battery(request, board, m, assumptions));
            }
        }
        if (isFile && request.accuracy() != null) {
            checks.add(new Check("accuracy", Outcome.UNVERIFIED, "a .tflite file alone brings no labelled data to measure accuracy on"));
        }
        return new FeasibilityVerdict(request.model(), request.board(), checks);
    }

    private static void limit(String field, Double value, double max) {
        if (value != null && !(value > 0 && value <= max)) {
            throw new InvalidInputException(field, max == 1 ? "must be in (0, 1], found " + number(value)
                    : "must be more than 0, found " + number(value));
        }
    }

    private Check battery(FeasibilityRequest request, Board board, Measured m, CostAssumptions assumptions) {
        if (board.economics() == null) {
            return new Check("battery life", Outcome.UNVERIFIED, board.id() + " has no power figures in boards/" + board.id() + ".yaml");
        }
        CostEstimate estimate = CostModel.estimate(request.model(), board, new CostEstimate.Measured(m.instructions(), m.inputBytes(),
                "", "", ""), 1, 1, assumptions);
        double days = estimate.tinyml().batteryDays();
        return new Check("battery life", days >= request.batteryDays() ? Outcome.MET : Outcome.NOT_MET, String.format(Locale.ROOT,
                "%.0f days on %s Wh at %s inferences a day (chip only), asked %s days", days, number(assumptions.batteryWh()),
                number(assumptions.inferencesPerDay()), number(request.batteryDays())));
    }

    private Optional<Measured> example(String example, Board board, Double accuracy, List<Check> checks, Consumer<StageResult> progress) {
        if (!Examples.names().contains(example)) {
            throw new InvalidInputException("model", "'" + example + "' is neither an example (" + String.join(", ", Examples.names())
                    + ") nor a .tflite file");
        }
        BoardRuns.Measurement run = new BoardRuns(engine).latestOrRun(example, board.id(), false, progress);
        if (!run.passed()) {
            checks.add(new Check("dry-run", Outcome.NOT_MET, run.firstFailure().orElse("the dry-run did not pass")));
            return Optional.empty();
        }
        JsonNode figures = run.figures();
        checks.add(memory(board, figures.path("flash_bytes").asLong(), figures.path("ram_bytes").asLong()));
        checks.add(new Check("outputs", Outcome.MET, "bit-identical to the reference interpreter on "
                + figures.path("inputs_compared").asInt() + " inputs"));
        if (accuracy != null) {
            checks.add(accuracy(example, figures.path("quality"), accuracy));
        }
        CostEstimate.Measured measured = CostEstimates.measured(run);
        return Optional.of(new Measured(measured.instructionsPerInference(), measured.inputBytes()));
    }

    private static Check accuracy(String example, JsonNode quality, double asked) {
        for (JsonNode figure : quality) {
            if (figure.path("metric").asText().equals("accuracy")) {
                double value = figure.path("value").asDouble();
                return new Check("accuracy", value >= asked ? Outcome.MET : Outcome.NOT_MET, String.format(Locale.ROOT,
                        "%.4f on held-out data, asked %s", value, number(asked)));
            }
        }
        List<String> metrics = new ArrayList<>();
        quality.forEach(figure -> metrics.add(figure.path("metric").asText()));
        return new Check("accuracy", Outcome.UNVERIFIED, example + " is not judged by accuracy (its figures: " + String.join(", ", metrics) + ")");
    }

    private Optional<Measured> file(Path tflite, Board board, List<Check> checks) {
        try {
            engine.compile(tflite);
        } catch (CompilationException | TensorType.UnsupportedModelException e) {
            // a file that is no model at all is bad input, refused by the caller; one we cannot compile is an answer
            checks.add(new Check("operators", Outcome.NOT_MET, e.getMessage()));
            return Optional.empty();
        }
        checks.add(new Check("operators", Outcome.MET, "every operator compiles"));
        FootprintReport footprint = engine.footprint(tflite, board.id()).boards().get(0);
        if (!footprint.fits()) {
            checks.add(new Check("memory", Outcome.NOT_MET, footprint.verdict()));
            return Optional.empty();
        }
        checks.add(memory(board, footprint.flashBytes(), footprint.ramBytes()));
        int inputBytes = (int) TfliteReader.read(tflite).inputTensors().stream().mapToLong(Tensor::byteSize).sum();
        Path zeros;
        try {
            zeros = Files.createTempFile("tinyml-feasible-", ".bin");
            Files.write(zeros, new byte[inputBytes]);
        } catch (IOException e) {
            throw new TinymlException("cannot write a test input: " + IoFailure.reason(e));
        }
        try {
            NetworkTester.Result result = engine.networkTest(tflite, zeros, NetworkTester.InputFormat.RAW, board.id(), null).run();
            checks.add(new Check("outputs", result.passed() ? Outcome.MET : Outcome.NOT_MET, result.passed()
                    ? "the same as the reference interpreter's on an all-zero input"
                    : result.differingOutputs() + " outputs differ from the reference interpreter's, by up to " + result.maxDiffLsb() + " LSB"));
            return result.instructions().isEmpty() ? Optional.empty()
                    : Optional.of(new Measured(result.instructions().stream().mapToLong(Long::longValue).max().orElseThrow(), inputBytes));
        } finally {
            zeros.toFile().delete();
        }
    }

    private static Check memory(Board board, long flash, long ram) {
        return new Check("memory", Outcome.MET, String.format(Locale.ROOT, "flash %,d B of %,d B, RAM %,d B of %,d B",
                flash, board.flashBytes(), ram, board.ramBytes()));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private record Measured(long instructions, int inputBytes) {
    }
}
