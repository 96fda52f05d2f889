package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.examples.Quality;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.MultiplyAccumulates;
import io.tinymlaas.train.TrainedModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A CTO's dry-run: the whole lifecycle of one example on one target, stage by stage, timed, with every check.
 * The first failing stage stops the run; the report says which and why. Each run works in a folder of its
 * own, so a failed run never touches the artifacts of an earlier one.
 */
public final class DryRun {

    public static final List<String> STAGES = List.of("collect", "train", "store", "convert", "reference", "compile", "run", "compare");

    private final ProjectLayout layout;
    private final Targets targets;
    private final Consumer<StageResult> listener;
    private final String dataVersion;
    private final Long seed;

    /** A dry-run that collects its example's data afresh and trains from the example's own seed. */
    public DryRun(ProjectLayout layout, Consumer<StageResult> listener) {
        this(layout, listener, null, null);
    }

    private DryRun(ProjectLayout layout, Consumer<StageResult> listener, String dataVersion, Long seed) {
        this.layout = layout;
        this.targets = new Targets(layout);
        this.listener = listener;
        this.dataVersion = dataVersion;
        this.seed = seed;
    }

    /**
     * The same dry-run, trained on a version already in the data set store (e.g. one a data scientist relabelled)
     * instead of freshly collected data; {@code version} may be a unique start of the version or its content hash.
     */
    public DryRun onStoredData(String version) {
        return new DryRun(layout, listener, version, seed);
    }

    /** The same dry-run, trained from {@code trainingSeed} instead of the example's own seed. */
    public DryRun withSeed(long trainingSeed) {
        return new DryRun(layout, listener, dataVersion, trainingSeed);
    }

    public Path reportDirectory(String example, String target) {
        return layout.output().resolve("reports").resolve(example + "-" + target);
    }

    /** Runs the lifecycle; an unknown example or target is refused before anything runs. */
    public RunReport run(String exampleName, String targetId) {
        targets.check(targetId);
        return run(exampleName, List.of(targetId)).get(0);
    }

    /**
     * The lifecycle of one example on several targets: the model is made once (collect … compile) and then run and
     * compared on each target in turn, one report per target. A board that no emulator here runs gets a failed
     * report saying why, so a request for it can be turned down before anyone tries.
     */
    public List<RunReport> run(String exampleName, List<String> targetIds) {
        Example example = Examples.byName(exampleName);
        targetIds.forEach(targets::knows);
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(started);
        String runName = targetIds.size() == 1 ? exampleName + "-" + targetIds.get(0) : exampleName + "-matrix";
        Path work = layout.output().resolve("runs").resolve(runName).resolve(stamp);
        long startNanos = System.nanoTime();
        Map<String, Object> sharedFigures = new LinkedHashMap<>();
        List<StageResult> sharedStages = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle(example, work, layout.datasets());
        boolean modelMade = makeModel(lifecycle, new Stages(sharedStages, listener), sharedFigures);
        double sharedSeconds = (System.nanoTime() - startNanos) / 1e9;
        List<RunReport> reports = new ArrayList<>();
        for (String targetId : targetIds) {
            long targetNanos = System.nanoTime();
            Map<String, Object> figures = new LinkedHashMap<>(sharedFigures);
            List<StageResult> stages = new ArrayList<>(sharedStages);
            Stages runner = new Stages(stages, stage -> listener.accept(forTarget(stage, targetId, targetIds)));
            Optional<String> whyNot = targets.whyNotRunnable(targetId);
            whyNot.ifPresent(reason -> runner.skip("run", reason));
            boolean passed = modelMade && whyNot.isEmpty() && runOnTarget(lifecycle, targetId, work, runner, figures)
                    || runner.skipRest(STAGES);
            figures.put("work_directory", work.toString());
            if (!targets.availability(targetId).isEmpty()) {
                figures.put("emulators", targets.availability(targetId));
            }
            RunReport report = new RunReport(exampleName, targetId, passed, started.toString(),
                    sharedSeconds + (System.nanoTime() - targetNanos) / 1e9, List.copyOf(stages), figures);
            ReportWriter.write(report, reportDirectory(exampleName, targetId));
            reports.add(report);
        }
        return reports;
    }

    /** In a run on several targets, the per-target stages say which target they were about. */
    private static StageResult forTarget(StageResult stage, String targetId, List<String> targetIds) {
        return targetIds.size() == 1 ? stage
                : new StageResult(stage.name(), stage.status(), stage.seconds(), "[" + targetId + "] " + stage.detail());
    }

    private boolean makeModel(Lifecycle lifecycle, Stages runner, Map<String, Object> figures) {
        return runner.run("collect", () -> {
                    StoredDataset data = dataVersion == null ? lifecycle.collect()
                            : lifecycle.use(new DatasetStore(layout.datasets()).load(lifecycle.example().datasetName(), dataVersion));
                    figures.put("data_sha256", data.contentHash());
                    figures.put("data_version", data.version());
                    figures.put("data_directory", data.directory().toString());
                    figures.put("samples", Map.of("train", data.dataset().train().size(),
                            "validation", data.dataset().validation().size(), "test", data.dataset().test().size()));
                    String origin = dataVersion == null ? "" : "stored version " + data.version()
                            + (data.manifest().parent() == null ? "" : " (from " + data.manifest().parent().version() + ", "
                            + data.manifest().relabelLog().size() + " relabelled)") + ": ";
                    return ok(origin + data.dataset().recipe() + ", sha256 " + data.contentHash().substring(0, 12));
                })
                && runner.run("train", () -> {
                    TrainedModel result = seed == null ? lifecycle.train() : lifecycle.train(seed);
                    long trainingSeed = lifecycle.trainingSeed();
                    figures.put("seed", trainingSeed);
                    figures.put("epochs", result.lossPerEpoch().size());
                    figures.put("final_training_loss", result.lossPerEpoch().get(result.lossPerEpoch().size() - 1));
                    figures.putAll(result.validationMetrics());
                    figures.put("loss_per_epoch", result.lossPerEpoch());
                    return ok(result.lossPerEpoch().size() + " epochs, seed " + trainingSeed + ", " + result.summary());
                })
                && runner.run("store", () -> {
                    StoredModel model = lifecycle.store();
                    figures.put("float_model_file", model.file().toString());
                    figures.put("float_model_sha256", model.sha256());
                    figures.put("model_id", lifecycle.registered().id());
                    return ok("float model and manifest in " + model.file().getFileName() + ", sha256 " + model.sha256().substring(0, 12)
                            + ", registered as " + lifecycle.registered().id());
                })
                && runner.run("convert", () -> {
                    ConvertedModel model = lifecycle.convert();
                    figures.put("model_file", model.file().toString());
                    figures.put("model_bytes", model.bytes().length);
                    figures.put("model_sha256", model.sha256());
                    long macs = MultiplyAccumulates.count(model.model());
                    figures.put("multiply_accumulates", macs);
                    return ok(model.bytes().length + " B int8 .tflite, " + macs + " multiply-accumulates per inference, sha256 "
                            + model.sha256().substring(0, 12));
                })
                && runner.run("reference", () -> {
                    List<Quality> quality = lifecycle.checkWithReference();
                    figures.put("quality", quality);
                    return new Check(quality.stream().allMatch(Quality::passed), "reference interpreter: "
                            + String.join("; ", quality.stream().map(Quality::toString).toList()));
                })
                && runner.run("compile", () -> {
                    CompiledModel compiled = lifecycle.compile();
                    figures.put("arena_bytes", compiled.plan().arenaBytes());
                    figures.put("constant_bytes", compiled.constantBytes());
                    return ok("C with a " + compiled.plan().arenaBytes() + " B activation arena, " + compiled.constantBytes()
                            + " B of weights");
                });
    }

    private boolean runOnTarget(Lifecycle lifecycle, String targetId, Path work, Stages runner, Map<String, Object> figures) {
        return runner.run("run", () -> {
                    TargetRun run = lifecycle.runOn(targets.resolve(targetId, work));
                    figures.put("program_text_bytes", run.size().text());
                    figures.put("program_data_bytes", run.size().data());
                    figures.put("program_bss_bytes", run.size().bss());
                    figures.put("flash_bytes", run.size().text() + run.size().data());
                    figures.put("ram_bytes", run.size().data() + run.size().bss());
                    figures.put("ran_on", run.description());
                    String counted = "";
                    if (!run.instructions().isEmpty()) {
                        long max = run.instructions().stream().mapToLong(Long::longValue).max().orElse(0);
                        figures.put("instructions_per_inference", max);
                        figures.put("instructions_per_inference_min",
                                run.instructions().stream().mapToLong(Long::longValue).min().orElse(0));
                        counted = ", " + max + " instructions per inference";
                    }
                    return ok(run.outputs().size() + " inferences on " + run.description() + ", flash "
                            + (run.size().text() + run.size().data()) + " B" + counted);
                })
                && runner.run("compare", () -> {
                    Comparison comparison = lifecycle.compareWithReference();
                    figures.put("inputs_compared", comparison.inputs());
                    figures.put("mismatched_inputs", comparison.mismatchedInputs());
                    figures.put("max_abs_diff_lsb", comparison.maxAbsDiffLsb());
                    figures.put("bit_identical", comparison.bitIdentical());
                    return new Check(comparison.bitIdentical(), comparison.bitIdentical()
                            ? "bit-identical to the reference interpreter on " + comparison.inputs() + " inputs"
                            : comparison.mismatchedInputs() + " of " + comparison.inputs() + " outputs differ, by up to "
                              + comparison.maxAbsDiffLsb() + " LSB (first at input " + comparison.firstMismatch() + ")");
                });
    }

    private static Check ok(String detail) {
        return new Check(true, detail);
    }

    /** A stage's verdict: whether its check held, and what to print. */
    record Check(boolean passed, String detail) {
    }
}
