package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.cascade.CascadeReport;
import io.tinymlaas.cascade.CascadeResult;
import io.tinymlaas.cascade.CascadeScores;
import io.tinymlaas.cascade.CascadeSweep;
import io.tinymlaas.cascade.CloudModel;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.cost.CostEstimate;
import io.tinymlaas.cost.CostModel;
import io.tinymlaas.cost.PerInference;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.OneHot;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.examples.ModelRecipe;
import io.tinymlaas.lifecycle.ReferenceScores;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.TfliteReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cascade from measured runs. The device's answers are the reference interpreter's on the int8 .tflite of the
 * board's latest passing dry-run, which that run's compare stage found bit-identical to the board's on every held-out
 * sample; the cloud's are a wider float model's trained on the same data version ({@link CloudModel}); time, energy and
 * prices come from the cost model.
 */
final class Cascades {

    private final Tinyml engine;

    Cascades(Tinyml engine) {
        this.engine = engine;
    }

    CascadeOutcome sweep(CascadeRequest request, Consumer<StageResult> progress) {
        List<Double> thresholds = CascadeSweep.checked(request.thresholds());
        Board board = CostEstimates.pricedBoard(engine, request.example(), request.board());
        Example example = Examples.byName(request.example());
        if (example.recipe() instanceof ModelRecipe.DenseRegression) {
            throw new InvalidInputException("example", request.example() + " is a regression: a cascade sends on the samples the "
                    + "device is least sure of a class, so it needs a classifier; e.g. magic_wand, micro_speech");
        }
        CostAssumptions assumptions = CostEstimates.assumptions(request.assumptions());
        BoardRuns.Measurement run = CostEstimates.passedRun(engine, request.example(), request.board(), false, progress);
        StoredDataset data = heldOutData(example, run);
        if (run.figures().path("inputs_compared").asInt() < data.dataset().test().size()) {
            // a sampled dry-run (--board-inputs) compared only some held-out samples on the board: measure them all
            run = CostEstimates.passedRun(engine, request.example(), request.board(), true, progress);
            data = heldOutData(example, run);
        }
        CostEstimate.Measured measured = CostEstimates.measured(run);
        Split test = data.dataset().test();
        requireEveryHeldOutSampleCompared(run.figures(), test.size(), request);

        long started = System.nanoTime();
        CloudModel.Answers cloud = new CloudModel(engine.layout().output().resolve("cascade").resolve("cloud"))
                .answers(example, data, run.figures().path("seed").asLong());
        progress.accept(new StageResult("cloud", StageResult.Status.PASSED, (System.nanoTime() - started) / 1e9,
                (cloud.trainedNow() ? "trained " : "stored ") + cloud.description()));

        Path tflite = Path.of(run.figures().path("model_file").asText());
        List<float[]> device = ReferenceScores.of(TfliteReader.read(tflite), IoFailure.readAll(tflite), tflite.toString(), test).dequantized();
        int[] labels = Arrays.stream(test.targets()).mapToInt(OneHot::argmax).toArray();
        CascadeScores scores = new CascadeScores(labels, device, cloud.heldOut());
        PerInference one = CostModel.perInference(board, measured, assumptions);
        String deviceModel = "int8 " + tflite.getFileName() + " (sha256 " + measured.modelSha256().substring(0, 12) + ") of the dry-run on "
                + measured.ranOn() + " at " + measured.measuredAt() + String.format(", %,d instructions per inference; ",
                measured.instructionsPerInference()) + "its answers from the reference interpreter, bit-identical to the board's "
                + "on every held-out sample";
        CascadeResult result = new CascadeResult(request.example(), request.board(), test.size(), deviceModel, cloud.description(),
                cloud.modelFile(), measured, one, CascadeSweep.deviceOnly(scores, one), CascadeSweep.cloudOnly(scores, one),
                CascadeSweep.sweep(scores, one, thresholds), assumptions);
        Path html = CascadeReport.write(result, engine.layout().output().resolve("cascade").resolve(request.example() + "-" + request.board()));
        return new CascadeOutcome(result, CascadeReport.text(result), html, run.ranNow(), cloud.trainedNow());
    }

    private StoredDataset heldOutData(Example example, BoardRuns.Measurement run) {
        return new DatasetStore(engine.layout().datasets()).load(example.datasetName(), run.figures().path("data_version").asText());
    }

    /** The reference interpreter stands in for the board only where the dry-run compared every held-out sample bit for bit. */
    private static void requireEveryHeldOutSampleCompared(JsonNode figures, int heldOut, CascadeRequest request) {
        if (!figures.path("bit_identical").asBoolean() || figures.path("inputs_compared").asInt() != heldOut) {
            throw new TinymlException("the dry-run of " + request.example() + " on " + request.board() + " compared "
                    + figures.path("inputs_compared").asInt() + " of " + heldOut + " held-out samples with the reference interpreter"
                    + " (bit-identical: " + figures.path("bit_identical").asBoolean() + "), so the device's answers on the rest are "
                    + "not known; run bin/tinyml dry-run " + request.example() + " --board " + request.board() + " again");
        }
    }
}
