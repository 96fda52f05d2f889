package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.Progress;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.firmware.ProgramSize;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.ConfusionMatrix;
import io.tinymlaas.report.Predictions;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunFigures;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.MultiplyAccumulates;
import io.tinymlaas.train.TrainedModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
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
    private final StagePlan plan;
    private final Progress progress;
    private final int boardInputs;
    private final ArithmeticProfile profile;

    /** A dry-run of every stage that collects its example's data afresh and trains from the example's own seed. */
    public DryRun(ProjectLayout layout, Targets targets, Consumer<StageResult> listener) {
        this(layout, targets, listener, null, null, StagePlan.WHOLE, Progress.SILENT, Integer.MAX_VALUE, ArithmeticProfile.TFLITE_2_6);
    }

    private DryRun(ProjectLayout layout, Targets targets, Consumer<StageResult> listener, String dataVersion, Long seed,
                   StagePlan plan, Progress progress, int boardInputs, ArithmeticProfile profile) {
        this.layout = layout;
        this.profile = profile;
        this.targets = targets;
        this.listener = listener;
        this.dataVersion = dataVersion;
        this.seed = seed;
        this.plan = plan;
        this.progress = progress;
        this.boardInputs = boardInputs;
    }

    /**
     * The same dry-run, trained on a version already in the data set store (e.g. one a data scientist relabelled)
     * instead of freshly collected data; {@code version} may be a unique start of the version or its content hash.
     */
    public DryRun onStoredData(String version) {
        return new DryRun(layout, targets, listener, version, seed, plan, progress, boardInputs, profile);
    }

    /** The same dry-run, trained from {@code trainingSeed} instead of the example's own seed. */
    public DryRun withSeed(long trainingSeed) {
        return new DryRun(layout, targets, listener, dataVersion, trainingSeed, plan, progress, boardInputs, profile);
    }

    /** The same dry-run, running only the stages up to the plan's last one and stopping when it is cancelled. */
    public DryRun following(StagePlan stagePlan) {
        return new DryRun(layout, targets, listener, dataVersion, seed, stagePlan, progress, boardInputs, profile);
    }

    /**
     * The same dry-run, counting on {@code shown} its training epochs, its inferences on a board and, over several
     * targets, the targets done; each finished stage is told to the listener out of the way of what is shown.
     */
    public DryRun showingProgress(Progress shown) {
        return new DryRun(layout, targets, stage -> shown.aside(() -> listener.accept(stage)), dataVersion, seed, plan, shown,
                boardInputs, profile);
    }

    /**
     * The same dry-run with the model compiled for another arithmetic profile: outside the default one, each target's
     * outputs are compared with our x86 build's in that profile, the TF Lite 2.6 interpreter's differences said beside.
     */
    public DryRun inProfile(ArithmeticProfile arithmetic) {
        return new DryRun(layout, targets, listener, dataVersion, seed, plan, progress, boardInputs, arithmetic);
    }

    /**
     * The same dry-run, running at most {@code inputs} test inputs on each emulated board (x86 runs them all): a large
     * model takes a second or more per inference under an instruction-counting emulator, so a matrix over every board
     * can sample what a single board's run checks in full. The run stage says how many ran.
     */
    public DryRun sampling(int inputs) {
        if (inputs < 1) {
            throw new InvalidInputException("board-inputs", "must be 1 or more, found " + inputs);
        }
        return new DryRun(layout, targets, listener, dataVersion, seed, plan, progress, inputs, profile);
    }

    public static Path reportDirectory(ProjectLayout layout, String example, String target) {
        return layout.output().resolve("reports").resolve(example + "-" + target);
    }

    /**
     * The run's own copy of its report, in its work folder beside its artifacts: the report under {@link #reportDirectory}
     * is the latest run's and is overwritten by the next.
     */
    public static Path runReportFile(RunReport report) {
        return Path.of(report.figures().workDirectory(), "reports", report.target(), "report.json");
    }

    /** Runs the lifecycle; an unknown example or target is refused before anything runs. */
    public RunReport run(String exampleName, String targetId) {
        targets.target(targetId).requireRunnable();
        return run(exampleName, List.of(targetId)).get(0);
    }

    /**
     * The lifecycle of one example on several targets: the model is made once (collect … compile) and then run and
     * compared on each target in turn, one report per target. A board that no emulator here runs gets a failed
     * report saying why, so a request for it can be turned down before anyone tries.
     */
    public List<RunReport> run(String exampleName, List<String> targetIds) {
        Example example = Examples.byName(exampleName);
        List<Target> chosen = targetIds.stream().map(targets::target).toList();
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(started);
        String runName = targetIds.size() == 1 ? exampleName + "-" + targetIds.get(0) : exampleName + "-matrix";
        Path work = layout.output().resolve("runs").resolve(runName).resolve(stamp);
        long startNanos = System.nanoTime();
        List<StageResult> sharedStages = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle(example, work, layout.datasets()).inProfile(profile);
        Measured shared = new Measured();
        boolean modelMade = makeModel(lifecycle, new Stages(sharedStages, listener, plan), shared);
        double sharedSeconds = (System.nanoTime() - startNanos) / 1e9;
        List<RunReport> reports = new ArrayList<>();
        try (Progress.Task done = chosen.size() > 1 ? progress.start("targets", chosen.size()) : Progress.Task.UNSEEN) {
            for (Target target : chosen) {
                String targetId = target.id();
                long targetNanos = System.nanoTime();
                Measured figures = shared.copy();
                List<StageResult> stages = new ArrayList<>(sharedStages);
                Stages runner = new Stages(stages, stage -> listener.accept(forTarget(stage, targetId, targetIds)), plan);
                Optional<String> whyNot = target.whyNotRunnable().filter(reason -> plan.includes("run"));
                whyNot.ifPresent(reason -> runner.skip("run", reason));
                if (!(modelMade && whyNot.isEmpty() && runOnTarget(lifecycle, target, work, runner, figures))) {
                    runner.skipRest(STAGES);
                }
                boolean passed = plan.passed(stages);
                RunReport report = new RunReport(exampleName, targetId, passed, started.toString(),
                        sharedSeconds + (System.nanoTime() - targetNanos) / 1e9, List.copyOf(stages),
                        figures.figures(work.toString(), target.availability()));
                ReportWriter.write(report, reportDirectory(layout, exampleName, targetId));
                ReportWriter.write(report, runReportFile(report).getParent());
                reports.add(report);
                done.step();
            }
        }
        return reports;
    }

    /** In a run on several targets, the per-target stages say which target they were about. */
    private static StageResult forTarget(StageResult stage, String targetId, List<String> targetIds) {
        return targetIds.size() == 1 ? stage
                : new StageResult(stage.name(), stage.status(), stage.seconds(), "[" + targetId + "] " + stage.detail());
    }

    private boolean makeModel(Lifecycle lifecycle, Stages runner, Measured figures) {
        return runner.run("collect", () -> {
                    StoredDataset data = dataVersion == null ? lifecycle.collect()
                            : lifecycle.use(new DatasetStore(layout.datasets()).load(lifecycle.example().datasetName(), dataVersion));
                    figures.data = new RunFigures.Data(data.contentHash(), data.version(), data.directory().toString(),
                            new RunFigures.Samples(data.dataset().train().size(), data.dataset().validation().size(),
                                    data.dataset().test().size()));
                    String origin = dataVersion == null ? "" : "stored version " + data.version()
                            + (data.manifest().parent() == null ? "" : " (from " + data.manifest().parent().version() + ", "
                            + data.manifest().relabelLog().size() + " relabelled)") + ": ";
                    return ok(origin + data.dataset().recipe() + ", sha256 " + data.contentHash().substring(0, 12));
                })
                && runner.run("train", () -> {
                    TrainedModel result = lifecycle.train(seed == null ? lifecycle.example().recipe().seed() : seed, progress);
                    long trainingSeed = lifecycle.trainingSeed();
                    List<Double> losses = result.lossPerEpoch();
                    figures.training = new RunFigures.Training(trainingSeed, losses.size(),
                            losses.get(losses.size() - 1), losses, result.validationMetrics());
                    return ok(result.lossPerEpoch().size() + " epochs, seed " + trainingSeed + ", " + result.summary());
                })
                && runner.run("store", () -> {
                    StoredModel model = lifecycle.store();
                    figures.stored = new RunFigures.Stored(model.file().toString(), model.sha256(),
                            lifecycle.registered().id());
                    return ok("float model and manifest in " + model.file().getFileName() + ", sha256 " + model.sha256().substring(0, 12)
                            + ", registered as " + lifecycle.registered().id());
                })
                && runner.run("convert", () -> {
                    ConvertedModel model = lifecycle.convert();
                    long macs = MultiplyAccumulates.count(model.model());
                    figures.conversion = new RunFigures.Conversion(model.file().toString(), model.bytes().length,
                            model.sha256(), macs);
                    return ok(model.bytes().length + " B int8 .tflite, " + macs + " multiply-accumulates per inference, sha256 "
                            + model.sha256().substring(0, 12));
                })
                && runner.run("reference", () -> {
                    List<Quality> quality = lifecycle.checkWithReference();
                    figures.quality = quality;
                    figures.confusion = lifecycle.confusion().orElse(null);
                    figures.predictions = lifecycle.predictions().orElse(null);
                    return new Check(quality.stream().allMatch(Quality::passed), "reference interpreter: "
                            + String.join("; ", quality.stream().map(Quality::toString).toList()));
                })
                && runner.run("compile", () -> {
                    CompiledModel compiled = lifecycle.compile();
                    figures.compiled = new RunFigures.Compiled(compiled.plan().arenaBytes(), compiled.constantBytes());
                    return ok("C with a " + compiled.plan().arenaBytes() + " B activation arena, " + compiled.constantBytes()
                            + " B of weights");
                });
    }

    private boolean runOnTarget(Lifecycle lifecycle, Target target, Path work, Stages runner, Measured figures) {
        return runner.run("run", () -> {
                    TargetRun run = target.board().isPresent() ? lifecycle.runOn(target.runner(work, progress), boardInputs)
                            : lifecycle.runOn(target.runner(work, progress));
                    if (profile != ArithmeticProfile.TFLITE_2_6 && target.board().isPresent()) {
                        lifecycle.runOracle(targets.target(Targets.X86).requireRunnable().runner(work.resolve("x86-oracle"), progress));
                    }
                    figures.predictions = lifecycle.predictions().orElse(null);
                    ProgramSize size = run.size();
                    LongSummaryStatistics counts = run.instructions().stream().mapToLong(Long::longValue).summaryStatistics();
                    boolean counted = counts.getCount() > 0;
                    Optional<CycleEstimate> slowest = run.estimates().stream().max(Comparator.comparingLong(CycleEstimate::cycles));
                    figures.program = new RunFigures.Program(size.text(), size.data(), size.bss(), size.flashBytes(),
                            size.ramBytes(), run.description(), counted ? counts.getMax() : null, counted ? counts.getMin() : null,
                            slowest.map(CycleEstimate::cycles).orElse(null), slowest.map(CycleEstimate::milliseconds).orElse(null),
                            slowest.map(CycleEstimate::classes).orElse(null));
                    return ok(run.outputs().size() + " inferences on " + run.description() + ", flash " + size.flashBytes() + " B"
                            + (counted ? ", " + counts.getMax() + " instructions per inference" : "")
                            + slowest.map(e -> String.format(Locale.ROOT, ", about %d cycles = %.3f ms at the board's clock (estimated)",
                                    e.cycles(), e.milliseconds())).orElse(""));
                })
                && runner.run("compare", () -> {
                    Comparison comparison = lifecycle.compareWithReference();
                    figures.compared = new RunFigures.Compared(comparison.inputs(), comparison.mismatchedInputs(),
                            comparison.maxAbsDiffLsb(), comparison.bitIdentical());
                    String oracle = profile == ArithmeticProfile.TFLITE_2_6 ? "the reference interpreter"
                            : "our x86 build in the " + profile.cliName() + " profile";
                    return new Check(comparison.bitIdentical(), (comparison.bitIdentical()
                            ? "bit-identical to " + oracle + " on " + comparison.inputs() + " inputs"
                            : comparison.mismatchedInputs() + " of " + comparison.inputs() + " outputs differ from " + oracle
                              + ", by up to " + comparison.maxAbsDiffLsb() + " LSB (first at input " + comparison.firstMismatch() + ")")
                            + interpreterDifferences(lifecycle));
                });
    }

    /** Outside the default profile: how far the outputs are from the TF Lite 2.6 interpreter's, which is not the oracle there. */
    private String interpreterDifferences(Lifecycle lifecycle) {
        if (profile == ArithmeticProfile.TFLITE_2_6) {
            return "";
        }
        Comparison versus = lifecycle.compareWithInterpreter();
        return "; the TF Lite 2.6 interpreter computes differently and is not the oracle here: " + versus.mismatchedInputs()
                + " of " + versus.inputs() + " inputs differ from it, by up to " + versus.maxAbsDiffLsb() + " LSB";
    }

    private static Check ok(String detail) {
        return new Check(true, detail);
    }

    /** A stage's verdict: whether its check held, and what to print. */
    record Check(boolean passed, String detail) {
    }

    /** The figures so far: each stage sets its part; the model's parts are shared by every target's copy. */
    private static final class Measured {
        RunFigures.Data data;
        RunFigures.Training training;
        RunFigures.Stored stored;
        RunFigures.Conversion conversion;
        List<Quality> quality;
        ConfusionMatrix confusion;
        Predictions predictions;
        RunFigures.Compiled compiled;
        RunFigures.Program program;
        RunFigures.Compared compared;

        Measured copy() {
            Measured copy = new Measured();
            copy.data = data;
            copy.training = training;
            copy.stored = stored;
            copy.conversion = conversion;
            copy.quality = quality;
            copy.confusion = confusion;
            copy.predictions = predictions;
            copy.compiled = compiled;
            return copy;
        }

        /** Where the run worked, and what each emulator said about the target (nothing for x86). */
        RunFigures figures(String workDirectory, List<String> emulators) {
            return new RunFigures(data, training, stored, conversion, quality, confusion, predictions, compiled, program, compared,
                    workDirectory, emulators.isEmpty() ? null : emulators);
        }
    }
}
