package io.tinymlaas.app;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.Progress;
import io.tinymlaas.benchmark.PublishedShape;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.device.Footprint;
import io.tinymlaas.device.FootprintReport;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.device.LiveBoard;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.X86FrontEnd;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.device.firmware.DeviceFirmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.ProgramSize;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.examples.FaceFollowing;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.examples.MicroSpeech.BoardFeatures;
import io.tinymlaas.examples.MnistLstm;
import io.tinymlaas.lifecycle.DryRun;
import io.tinymlaas.lifecycle.FileClassifier;
import io.tinymlaas.lifecycle.FileClassifier.Classification;
import io.tinymlaas.lifecycle.FirmwareUpdate;
import io.tinymlaas.lifecycle.FaceFollowingDemo;
import io.tinymlaas.lifecycle.FaceFollowingDemo.Followed;
import io.tinymlaas.lifecycle.FaceFollowingReport;
import io.tinymlaas.lifecycle.KeywordSpotting;
import io.tinymlaas.lifecycle.KeywordSpotting.BoardKeywords;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.lifecycle.ModelInputs;
import io.tinymlaas.lifecycle.ModelInputs.FileInputs;
import io.tinymlaas.lifecycle.ModelInputs.ImagePolicy;
import io.tinymlaas.lifecycle.NetworkTester;
import io.tinymlaas.lifecycle.NetworkTester.InputFormat;
import io.tinymlaas.lifecycle.NetworkTester.Inputs;
import io.tinymlaas.lifecycle.NetworkTester.Judge;
import io.tinymlaas.lifecycle.QualitySpread;
import io.tinymlaas.lifecycle.QualitySpreadReport;
import io.tinymlaas.lifecycle.StagePlan;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.oracle.ReferenceLimits;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.BenchRecord;
import io.tinymlaas.report.BenchTable;
import io.tinymlaas.report.MatrixReport;
import io.tinymlaas.report.NightlyReport;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.RunFigures;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.runner.RunnerOutcome;
import io.tinymlaas.runner.RunnerProtocol;
import io.tinymlaas.tflite.ModelMetadata;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The engine behind every door: the CLI, the acceptance steps and later the REST service, jobs and pages call this and
 * nothing else. Built once per process from the project layout; it resolves each target once and keeps it.
 */
public final class Tinyml {

    public static final String ALL_TARGETS = "all";
    public static final String X86 = Targets.X86;

    /** The stages of a dry-run, in order; a report lists each (passed, failed or skipped). */
    public static final List<String> DRY_RUN_STAGES = DryRun.STAGES;

    private final ProjectLayout layout;
    private final Targets targets;
    private final Progress progress;

    public Tinyml(ProjectLayout layout) {
        this(layout, new Targets(layout));
    }

    /** With targets of the caller's making, e.g. a host compiler in place of the x86 container in tests. */
    public Tinyml(ProjectLayout layout, Targets targets) {
        this(layout, targets, Progress.SILENT);
    }

    private Tinyml(ProjectLayout layout, Targets targets, Progress progress) {
        this.layout = layout;
        this.targets = targets;
        this.progress = progress;
    }

    /**
     * The same engine, showing progress bars (a count and the time left) for training epochs, inferences on a board and
     * the targets of a matrix when this process writes to a terminal; elsewhere (a pipe, a log, CI) it shows nothing.
     */
    public Tinyml withTerminalProgress() {
        return new Tinyml(layout, targets, TerminalProgress.ifTerminal());
    }

    /** The same engine, showing no progress. */
    Tinyml silent() {
        return new Tinyml(layout, targets, Progress.SILENT);
    }

    /** The project this process runs in, found from the working folder or {@code -Dtinyml.root}. */
    public static Tinyml forThisProject() {
        return new Tinyml(ProjectLayout.find());
    }

    public ProjectLayout layout() {
        return layout;
    }

    // ---- what there is ------------------------------------------------------------------------------------------

    /** Every board in boards/, with what each emulator here says about it. */
    public List<BoardListing> boards() {
        return targets.boards().all().stream().map(board -> new BoardListing(board.id(), board.core(), board.clockMhz(),
                board.flashBytes(), board.ramBytes(), board.emulatable()
                        ? String.join("; ", targets.target(board.id()).availability())
                        : "not emulatable: " + board.unsupportedReason())).toList();
    }

    /** The examples this project ships, by name. */
    public static List<String> examples() {
        return Examples.names();
    }

    /** The ids of every board descriptor. */
    public List<String> boardIds() {
        return targets.boards().ids();
    }

    /** A board's descriptor, e.g. for its clock and what it draws and costs. */
    Board board(String id) {
        return targets.boards().byId(id);
    }

    /** x86 and every board: what a pipeline may target. */
    public List<String> targetIds() {
        return targets.all();
    }

    /**
     * The targets a request names, with 'all' spelled out (x86 and every board) and repeats run once; an unknown
     * example, data version or target is refused before anything runs.
     */
    public List<String> targetsFor(RunRequest request) {
        Example example = Examples.byName(request.example());
        if (request.dataVersion() != null) {
            new DatasetStore(layout.datasets()).manifest(example.datasetName(), request.dataVersion());
        }
        return knownTargets(request);
    }

    private List<String> knownTargets(RunRequest request) {
        Examples.byName(request.example());
        List<String> chosen = request.targets().contains(ALL_TARGETS) ? targets.all() : request.targets().stream().distinct().toList();
        chosen.forEach(targets::target);
        return chosen;
    }

    // ---- the lifecycle -------------------------------------------------------------------------------------------

    /**
     * A CTO's dry-run of one example: on one target, a report; on several, the model is made once and run on each, and a
     * matrix says per target whether it passed, failed (where, why) or cannot run here (why). A data version that is not
     * stored fails the collect stage, in the report; a door that wants to refuse it up front asks {@link #targetsFor}.
     */
    public DryRunOutcome dryRun(RunRequest request, Consumer<StageResult> progress) {
        return dryRun(request, StagePlan.WHOLE, progress);
    }

    /**
     * A pipeline: the dry-run's stages up to the plan's last one, checking before each whether it was cancelled; the
     * stages after it are reported as skipped, saying why.
     */
    public DryRunOutcome dryRun(RunRequest request, StagePlan plan, Consumer<StageResult> progress) {
        return dryRun(request, plan, null, progress);
    }

    /** A whole dry-run that runs at most {@code boardInputs} test inputs on each board (null: all of them). */
    public DryRunOutcome dryRun(RunRequest request, Integer boardInputs, Consumer<StageResult> progress) {
        return dryRun(request, StagePlan.WHOLE, boardInputs, progress);
    }

    private DryRunOutcome dryRun(RunRequest request, StagePlan plan, Integer boardInputs, Consumer<StageResult> progress) {
        List<String> chosen = knownTargets(request);
        DryRun dryRun = dryRunFor(request, progress).following(plan);
        if (boardInputs != null) {
            dryRun = dryRun.sampling(boardInputs);
        }
        if (chosen.size() == 1) {
            RunReport report = dryRun.run(request.example(), chosen.get(0));
            return new DryRunOutcome(List.of(report), null, reportDirectory(request.example(), chosen.get(0)).resolve("report.json"));
        }
        List<RunReport> reports = dryRun.run(request.example(), chosen);
        MatrixReport matrix = MatrixReport.of(request.example(), reports);
        return new DryRunOutcome(reports, matrix, matrix.write(reportDirectory(request.example(), "matrix"), this::coreOf));
    }

    /**
     * The CTO's nightly dry-run: each example on x86 and every board (a board no emulator here runs is a cell saying why,
     * never left out), one page of every cell with links to each run's report, and the cells as JUnit XML for CI.
     */
    public NightlyOutcome nightly(List<String> examples, Consumer<StageResult> progress) {
        return nightly(examples, null, progress);
    }

    /** The nightly dry-run with at most {@code boardInputs} test inputs on each board (null: all of them). */
    public NightlyOutcome nightly(List<String> examples, Integer boardInputs, Consumer<StageResult> progress) {
        examples.forEach(Examples::byName);
        String started = Instant.now().toString();
        List<NightlyReport.Example> done = new ArrayList<>();
        for (String example : examples) {
            DryRunOutcome outcome = dryRun(new RunRequest(example, List.of(ALL_TARGETS), null, null), StagePlan.WHOLE, boardInputs,
                    progress);
            done.add(new NightlyReport.Example(outcome.matrix(), outcome.reports(),
                    outcome.reports().stream().map(report -> DryRun.runReportFile(report).resolveSibling("report.html")).toList()));
        }
        return nightlyReport(done, started);
    }

    /** Writes the nightly report of these examples' matrices where `dry-run --all` writes it. */
    NightlyOutcome nightlyReport(List<NightlyReport.Example> done, String started) {
        Path directory = layout.output().resolve("reports").resolve("nightly");
        Path html = NightlyReport.write(done, started, directory);
        return new NightlyOutcome(done.stream().map(NightlyReport.Example::matrix).toList(), html, directory.resolve("junit.xml"),
                done.stream().noneMatch(example -> example.matrix().anyFailed()));
    }

    /**
     * Dry-runs for the benchmark table: with several targets only those that can run here; each passing run's figures
     * go to {@code <example>-<target>.json} in the bench folder, a failed run's are not written.
     */
    public List<BenchOutcome> bench(RunRequest request, Consumer<StageResult> progress) {
        List<String> chosen = targetsFor(request);
        DryRun dryRun = dryRunFor(request, progress);
        List<RunReport> reports = chosen.size() == 1 ? List.of(dryRun.run(request.example(), chosen.get(0)))
                : dryRun.run(request.example(), chosen.stream().filter(t -> targets.target(t).whyNotRunnable().isEmpty()).toList());
        return reports.stream().map(report -> {
            BenchRecord record = withDeviceImages(BenchRecord.of(report), report);
            return new BenchOutcome(report, record.writeIfPassed(layout.bench()), record.deviceImages());
        }).toList();
    }

    /**
     * A passing run on a board whose MCU family the firmware supports also gets the model's firmware for the real board,
     * written as the files a person flashes ({@code target/images/<example>-<board>/}), which the bench row names.
     */
    private BenchRecord withDeviceImages(BenchRecord record, RunReport report) {
        RunFigures.Conversion conversion = report.figures().conversion();
        if (!report.passed() || conversion == null || !targets.boards().ids().contains(report.target())) {
            return record;
        }
        Board board = targets.boards().byId(report.target());
        if (board.family() == null) {
            return record;
        }
        DeviceFirmware firmware = new FirmwareBuilder(layout.firmware()).buildForDevice(compile(Path.of(conversion.modelFile())).compiled(),
                board, layout.output().resolve("images").resolve(report.example() + "-" + board.id()));
        return record.withDeviceImages(firmware.images());
    }

    /**
     * Benchmarks published models' shapes (MLPerf Tiny's four, TFLM's person_detect) with seeded random weights on each
     * board: {@code inputs} seeded random inputs, every output compared with the reference interpreter's; a bit-identical
     * run's figures go to {@code <model>-<board>.json} in the bench folder. A board no emulator here runs is refused first.
     */
    public List<PublishedBenchRow> benchPublished(List<PublishedShape> shapes, List<String> boardIds, int inputs, long seed) {
        if (inputs < 1) {
            throw new TinymlException("--inputs must be at least 1, not " + inputs);
        }
        boardIds.forEach(id -> targets.target(id).requireRunnable());
        PublishedBench bench = new PublishedBench(layout, targets);
        List<PublishedBenchRow> rows = new ArrayList<>();
        for (PublishedShape shape : shapes) {
            PublishedBench.Prepared prepared = PublishedBench.prepare(shape, inputs, seed);
            for (String boardId : boardIds) {
                rows.add(bench.run(prepared, boardId));
            }
        }
        return rows;
    }

    /** The benchmark table of the README, from the latest bench files, with TFLM's figures for the same core. */
    public String benchTable() {
        return BenchTable.markdown(layout.bench(), this::coreOf);
    }

    /** A board's core, which TFLM's published figures are given for; x86 is its own. */
    String coreOf(String target) {
        return targets.boards().ids().contains(target) ? targets.boards().byId(target).core() : target;
    }

    /**
     * The CFO's comparison of cloud against TinyML, from instructions measured on the board (its latest dry-run of the
     * example, or one run now): costs per device and for the fleet, the break-even fleet size, latency and energy.
     */
    public CostOutcome cost(CostRequest request, Consumer<StageResult> progress) {
        return new CostEstimates(this).estimate(request, progress);
    }

    /**
     * The CFO's cascade: the example's int8 model on the board answers every held-out sample, those it is less confident
     * about than a threshold go to a wider float model in the cloud; per threshold the accuracy, the share sent, the cost
     * per 1,000 inferences and the latency, beside the device alone and the cloud alone.
     */
    public CascadeOutcome cascade(CascadeRequest request, Consumer<StageResult> progress) {
        return new Cascades(this).sweep(request, progress);
    }

    /**
     * A support request's verdict: the model dry-run on the emulated board and every limit asked held against what was
     * measured, ACCEPT only when each was met.
     */
    public FeasibilityVerdict feasible(FeasibilityRequest request, Consumer<StageResult> progress) {
        return new Feasibility(this).judge(request, progress);
    }

    /** The cost model's default parameters as the YAML file users copy, edit and pass back with their sources. */
    public String costAssumptionsTemplate() {
        return CostAssumptions.defaultText();
    }

    /** A run's own report.json, in its work folder, which later runs leave as it is. */
    public Path runReportFile(RunReport report) {
        return DryRun.runReportFile(report);
    }

    /** Where a dry-run of the example on the target writes report.json and report.html ("matrix": matrix.md/json). */
    public Path reportDirectory(String example, String target) {
        return DryRun.reportDirectory(layout, example, target);
    }

    private DryRun dryRunFor(RunRequest request, Consumer<StageResult> listener) {
        DryRun dryRun = new DryRun(layout, targets, listener).showingProgress(progress).inProfile(request.profile());
        if (request.seed() != null) {
            dryRun = dryRun.withSeed(request.seed());
        }
        if (request.dataVersion() != null) {
            dryRun = dryRun.onStoredData(request.dataVersion());
        }
        return dryRun;
    }

    /**
     * Trains each example in its fast profile from {@code runs} seeds and reports how its gated figures spread; the
     * first seed is trained twice and must give the same model. Reports go to the flakiness folder as each example ends.
     */
    public FlakinessOutcome flakiness(List<String> examples, long firstSeed, int runs, Consumer<String> started,
                                      BiConsumer<String, QualitySpread.Run> progress) {
        if (runs < 2) {
            throw new TinymlException("--runs must be at least 2 to measure a spread, not " + runs);
        }
        List<String> names = examples.isEmpty() ? Examples.names() : examples.stream().distinct().toList();
        List<Example> chosen = names.stream().map(Examples::fastProfile).toList();
        Path reports = layout.output().resolve("reports").resolve("flakiness");
        List<QualitySpread.Result> results = new ArrayList<>();
        for (Example example : chosen) {
            started.accept(example.name());
            results.add(QualitySpread.measure(example, layout.output().resolve("flakiness").resolve(example.name()),
                    layout.datasets(), firstSeed, runs, run -> progress.accept(example.name(), run)));
            QualitySpreadReport.write(results, reports);
        }
        return new FlakinessOutcome(results, QualitySpreadReport.markdown(results), reports.resolve("flakiness.md"));
    }

    /** A target by id, looked up once: x86 or a board, whether it runs here and why not, and how to run on it. */
    public Target target(String id) {
        return targets.target(id);
    }

    /**
     * The Data Scientist's lifecycle of one example, stage by stage (collect, train, store, convert, check, compile, run),
     * working in {@code workDirectory} on the project's data set store and model registry.
     */
    public Lifecycle lifecycle(String example, Path workDirectory) {
        return new Lifecycle(Examples.byName(example), workDirectory, layout.datasets());
    }

    /**
     * The lifecycle of an example of the caller's making (e.g. a brief training profile) on stores of its own: data sets
     * in {@code datasetRoot}, models in the registry beside it.
     */
    public Lifecycle lifecycle(Example example, Path workDirectory, Path datasetRoot) {
        return new Lifecycle(example, workDirectory, datasetRoot);
    }

    // ---- a user's own model file ---------------------------------------------------------------------------------

    /** The one way a .tflite file is compiled: read, hashed, checked, turned into C. */
    public CompiledFile compile(Path tflite) {
        return AotCompiler.compile(tflite);
    }

    /** Compiles and writes model.c and model.h into {@code out} (default: the project's compiled folder). */
    public CompiledFile compileTo(Path tflite, Path out) {
        CompiledFile compiled = compile(tflite);
        compiled.compiled().writeTo(compiledFolder(out));
        return compiled;
    }

    /** Where {@link #compileTo} writes when not told. */
    public Path compiledFolder(Path out) {
        return out != null ? out : layout.output().resolve("compiled");
    }

    /**
     * Links the model's firmware for one board (or every board an emulator here runs) and reports flash and RAM against
     * the real board's; a board with no build profile here is refused before any is built (one that cannot run here, such
     * as the ARC boards without qemu-system-arc, is still linked).
     */
    public FootprintOutcome footprint(Path tflite, String boardId) {
        CompiledFile compiled = compile(tflite);
        List<Board> boards = boardId == null ? targets.boards().emulatable() : List.of(targets.boards().byId(boardId));
        boards.forEach(board -> targets.target(board.id()).requireBuildable());
        Path work = layout.output().resolve("footprint");
        Footprint footprint = new Footprint(layout.firmware(), targets);
        List<FootprintReport> reports = boards.stream()
                .map(board -> footprint.measure(compiled.compiled(), board, work.resolve(board.id()))).toList();
        return new FootprintOutcome(reports, compiled.compiled().plan().arenaBytes(), compiled.compiled().constantBytes());
    }

    /**
     * The network tester, prepared: the model compiled, the inputs read and the target resolved, so what will run can be
     * said before it runs. {@code reportDirectory} null means the project's reports folder.
     */
    public NetworkTest networkTest(Path tflite, Path inputFile, InputFormat format, String targetId, Path reportDirectory) {
        return networkTest(tflite, inputFile, format, targetId, reportDirectory, ArithmeticProfile.TFLITE_2_6);
    }

    /**
     * {@link #networkTest(Path, Path, InputFormat, String, Path)} with the model compiled for {@code profile}; outside
     * the default profile the reference is our x86 build of the same model (see {@link NetworkTest}).
     */
    public NetworkTest networkTest(Path tflite, Path inputFile, InputFormat format, String targetId, Path reportDirectory,
                                   ArithmeticProfile profile) {
        CompiledFile model = AotCompiler.compile(tflite, profile);
        Inputs inputs = NetworkTester.readInputs(inputFile, model.tflite().model().inputTensors(), format);
        Target target = targets.target(targetId).requireRunnable();
        Path work = layout.output().resolve("runs").resolve("run-" + model.name() + "-" + targetId);
        Path reports = reportDirectory != null ? reportDirectory
                : layout.output().resolve("reports").resolve("run-" + model.name() + "-" + targetId);
        return new NetworkTest(model, inputs, target.runner(work, progress), targetId, judge(model, targetId, work, profile),
                reports, profile);
    }

    /**
     * The reference interpreter, checked to take the model (refused in one line otherwise); for a model it rejects
     * though TFLM runs it, or in another arithmetic profile than the interpreter's, our x86 build judges a board, and
     * nothing judges x86 itself.
     */
    private Judge judge(CompiledFile model, String targetId, Path work, ArithmeticProfile profile) {
        boolean onX86 = targetId.equals(Targets.X86);
        if (profile != ArithmeticProfile.TFLITE_2_6) {
            return Judge.inProfile(onX86 ? null : x86Reference(work));
        }
        Optional<String> rejection = ReferenceLimits.rejection(model.tflite().model());
        if (rejection.isEmpty()) {
            NetworkTester.requireReference(model);
            return Judge.interpreter();
        }
        return onX86 ? Judge.nothing(rejection.get()) : Judge.x86Build(rejection.get(), x86Reference(work));
    }

    private InferenceTarget x86Reference(Path work) {
        return targets.target(Targets.X86).requireRunnable().runner(work.resolveSibling(work.getFileName() + "-x86-reference"),
                progress);
    }

    /**
     * An over-the-air update on an emulated board: firmware built for it, booted, checked; {@code workDirectory} holds the
     * images as they are flashed. A board no emulator here runs is refused with the reason.
     */
    public FirmwareUpdate firmwareUpdate(String boardId, Path workDirectory) {
        return new FirmwareUpdate(targets.target(boardId).requireRunnable().boardRunner(workDirectory), workDirectory);
    }

    /** Boots a firmware image on an emulated board and keeps it running, as a bridge does with its devices. */
    public LiveBoard liveBoard(String boardId, Path elf, Path workDirectory) {
        return targets.target(boardId).requireRunnable().boardRunner(workDirectory).boot(elf);
    }

    /** A real board of this id on a serial port, running our firmware already: see {@link LiveBoard#attach}. */
    public LiveBoard serialBoard(String boardId, String port) {
        return LiveBoard.attach(port, targets.boards().byId(boardId));
    }

    // ---- micro_speech on a board ---------------------------------------------------------------------------------

    /** The C audio front end on a board, in the model's place, over the first {@code clips} held-out clips. */
    public BoardFeatures frontEndOnBoard(String boardId, int clips, Path workDirectory) {
        return new MicroSpeech().frontEndOnBoard(targets.target(boardId).requireRunnable(), clips, workDirectory);
    }

    /** {@link #frontEndOnBoard} for the bench table ({@code clips} null: the profile's number), written as its row. */
    public BoardBench<BoardFeatures> frontEnd(String boardId, Integer clips) {
        Instant started = Instant.now();
        BoardFeatures result = frontEndOnBoard(boardId, clipsOrProfileDefault(clips), layout.output().resolve("frontend"));
        Path file = boardRow(MicroSpeech.NAME + "_frontend", boardId, started, result.run(), result.comparison(), null, List.of())
                .write(layout.bench());
        return new BoardBench<>(result, result.comparison().bitIdentical(), file);
    }

    /** The C audio front end built for x86 and run in the container on the clips: one int8 spectrogram per clip. */
    public List<byte[]> frontEndInContainer(List<short[]> clips, Path workDirectory) {
        return new X86FrontEnd(layout.firmware(), workDirectory).features(clips);
    }

    /** Keyword spotting as one firmware (front end and the keyword model {@code tflite}) on a board, over {@code clips} clips. */
    public BoardKeywords keywordsOnBoard(String boardId, Path tflite, int clips, Path workDirectory) {
        return new KeywordSpotting(new MicroSpeech()).onBoard(targets.target(boardId).requireRunnable(), compile(tflite), clips,
                workDirectory);
    }

    /**
     * {@link #keywordsOnBoard} for the bench table; {@code model} null means the registry's newest judged micro_speech
     * model. Passes when the scores are bit-identical and every clip gets the reference's keyword.
     */
    public BoardBench<BoardKeywords> keyword(String boardId, Integer clips, Path model, Path registryFolder) {
        targets.target(boardId).requireRunnable();
        Path tflite = model != null ? model : newestJudgedKeywordModel(registryFolder);
        Instant started = Instant.now();
        BoardKeywords result = keywordsOnBoard(boardId, tflite, clipsOrProfileDefault(clips), layout.output().resolve("keyword"));
        List<Quality> quality = List.of(Quality.atLeast("same keyword as the reference", (double) result.samePredictions()
                / result.clips().size(), 1.0), Quality.report("accuracy on the clips", (double) result.correctPredictions()
                / result.clips().size()));
        Path file = boardRow(MicroSpeech.NAME + "_keyword", boardId, started, result.run(), result.comparison(),
                result.arenaBytes(), quality).write(layout.bench());
        return new BoardBench<>(result, result.comparison().bitIdentical() && quality.get(0).passed(), file, tflite);
    }

    /**
     * The face-following pan/tilt demo on a board: the face-position model made by the lifecycle's stages, then the
     * scripted frames of a moving face through one firmware that answers cell scores and servo commands; writes
     * face-following.html and .json under target/tinyml/demo/face-following/&lt;board&gt;.
     */
    public FaceFollowingOutcome faceFollowing(String boardId, Consumer<StageResult> progress) {
        Path folder = layout.output().resolve("demo").resolve("face-following");
        Followed followed = new FaceFollowingDemo(new FaceFollowing()).run(targets.target(boardId), folder.resolve(boardId), folder.resolve("datasets"),
                progress);
        return new FaceFollowingOutcome(followed, FaceFollowingReport.write(followed, folder.resolve(boardId)));
    }

    /** The clips asked for, or (null) the profile's number: 16 fast, 100 in the nightly build. */
    private static int clipsOrProfileDefault(Integer clips) {
        return clips != null ? clips : new MicroSpeech().profile().boardFrontEndClips();
    }

    /** A bench row for a board run that is not a dry-run: instructions per inference is the mean over the clips. */
    private static BenchRecord boardRow(String name, String board, Instant started, TargetRun run, Comparison comparison,
                                        Integer arenaBytes, List<Quality> quality) {
        double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        ProgramSize size = run.size();
        return new BenchRecord(name, board, comparison.bitIdentical() && quality.stream().allMatch(Quality::passed),
                started.toString(), seconds, null, null, arenaBytes, null, size.text(), size.data(), size.bss(), size.flashBytes(),
                size.ramBytes(), Math.round(run.instructions().stream().mapToLong(Long::longValue).average().orElseThrow()),
                run.instructions(), run.description(), comparison.inputs(), comparison.maxAbsDiffLsb(), quality,
                run.estimates().isEmpty() ? null : Math.round(run.estimates().stream().mapToLong(CycleEstimate::cycles).average().orElseThrow()),
                run.estimates().isEmpty() ? null : run.estimates().stream().mapToDouble(CycleEstimate::milliseconds).average().orElseThrow(),
                null);
    }

    private Path newestJudgedKeywordModel(Path registryFolder) {
        return Path.of(newestJudgedModel(MicroSpeech.NAME, registryFolder, "--model file.tflite").int8().file());
    }

    /** The example's newest judged model whose int8 file still exists; {@code otherwise} says what else the user may give. */
    private RegisteredModel newestJudgedModel(String example, Path registryFolder, String otherwise) {
        Models models = models(registryFolder);
        return models.newestJudged().stream()
                .filter(m -> m.example().equals(example))
                .filter(m -> Files.isRegularFile(Path.of(m.int8().file())))
                .findFirst()
                .orElseThrow(() -> new TinymlException("no judged " + example + " model in " + models.root()
                        + " whose .tflite file still exists; run `bin/tinyml dry-run " + example + "` first, or pass " + otherwise));
    }

    // ---- MLPerf Tiny's runner protocol ----------------------------------------------------------------------------

    /**
     * The model (a .tflite file, or an example's newest judged model) in the runner firmware on an emulated board,
     * driven as MLPerf Tiny's runner drives a device under test: name, profile, the input loaded with db, then
     * {@code warmups} warm-up and {@code iterations} timed inferences; the input is {@code seed}'s random int8 tensor, and
     * the printed results are checked against the reference interpreter's. {@code registryFolder} null: the project's.
     */
    public RunnerOutcome runnerProtocol(String exampleOrModel, String boardId, int iterations, int warmups, long seed,
                                        Path registryFolder) {
        if (iterations <= 0 || warmups < 0) {
            throw new TinymlException("the runner needs at least 1 timed inference and no negative warm-ups, not "
                    + iterations + " and " + warmups);
        }
        Target target = targets.target(boardId).requireRunnable();
        boolean isFile = exampleOrModel.endsWith(".tflite") || Files.isRegularFile(Path.of(exampleOrModel));
        Path tflite = isFile ? Path.of(exampleOrModel) : Path.of(newestJudgedModel(Examples.byName(exampleOrModel).name(),
                registryFolder, "a .tflite file").int8().file());
        CompiledFile model = compile(tflite);
        for (Tensor input : model.tflite().model().inputTensors()) {
            if (input.type() != TensorType.INT8) {
                throw new TinymlException(model.name() + ": the runner test loads random int8 inputs; this model's input "
                        + input.name() + " is " + input.type());
            }
        }
        byte[] tensor = new byte[model.compiled().inputBytes()];
        new Random(seed).nextBytes(tensor);
        Path work = layout.output().resolve("runner").resolve(model.name() + "-" + boardId);
        return new RunnerProtocol(target.boardRunner(work), target.firmwareRoot(), target.board().orElseThrow().clockMhz())
                .run(model, tensor, iterations, warmups);
    }

    // ---- classify a user's files ---------------------------------------------------------------------------------

    /**
     * Classifies a user's files (WAV, pictures, text numbers) with the example's newest judged model, or with a .tflite
     * file, on x86 or a board, the reference interpreter's answer beside each; every file is read and converted first,
     * and bad ones are refused together, each with its reason. {@code registryFolder} null: the project's registry.
     */
    public Classification classify(String exampleOrModel, List<Path> files, String targetId, Path registryFolder) {
        Target target = targets.target(targetId).requireRunnable();
        boolean isFile = exampleOrModel.endsWith(".tflite") || Files.isRegularFile(Path.of(exampleOrModel));
        RegisteredModel registered = isFile ? null : newestJudgedModel(Examples.byName(exampleOrModel).name(), registryFolder,
                "a .tflite file");
        CompiledFile model = compile(isFile ? Path.of(exampleOrModel) : Path.of(registered.int8().file()));
        List<Tensor> modelInputs = model.tflite().model().inputTensors();
        if (modelInputs.size() > 1) {
            throw new TinymlException(model.file() + ": classify reads each file into one input tensor, this model has "
                    + modelInputs.size() + " (" + String.join(", ", modelInputs.stream().map(t -> "'" + t.name() + "'").toList())
                    + "); give run their bytes back to back instead");
        }
        Optional<ModelMetadata> metadata = model.tflite().metadata();
        List<String> classes;
        String classSource;
        if (metadata.isPresent()) {
            classes = metadata.get().labels();
            classSource = classes.isEmpty() ? "the model's metadata: values, not classes" : "the model's metadata (labels.txt)";
        } else if (registered != null) {
            // data sets live beside the registry they were trained for
            Path datasets = registryFolder == null ? layout.datasets() : registryFolder.resolveSibling("datasets");
            DatasetManifest data = new DatasetStore(datasets).manifest(registered.data().name(), registered.data().version());
            classes = data.labelSet().classes();
            classSource = "data set " + data.name() + " version " + data.version();
        } else {
            long outputs = model.tflite().model().outputTensors().stream().mapToLong(Tensor::elementCount).sum();
            classes = outputs > 1 ? IntStream.range(0, (int) outputs).mapToObj(i -> "class " + i).toList() : List.of();
            classSource = outputs > 1 ? "nowhere: the model has no metadata, so they are numbered" : "nowhere: one output, a value";
        }
        boolean lightOnDark = registered != null && registered.example().equals(MnistLstm.NAME)
                || metadata.map(m -> m.name().equals(MnistLstm.NAME)).orElse(false);
        ImagePolicy images = metadata.filter(m -> m.input().content() == ModelMetadata.Content.GRAYSCALE_IMAGE && m.input().std() != 0)
                .map(m -> new ImagePolicy(lightOnDark, m.input().mean(), m.input().std())).orElse(new ImagePolicy(lightOnDark));
        List<FileInputs> inputs = ModelInputs.read(files, model.tflite().model().input(), images);
        Path work = layout.output().resolve("classify").resolve(model.name() + "-" + targetId);
        return FileClassifier.classify(model, classes, classSource, inputs, target.runner(work, progress), targetId);
    }

    // ---- stores --------------------------------------------------------------------------------------------------

    /** The models in the registry {@code folder} (null: the project's), refusing a file where the folder should be. */
    public Models models(Path folder) {
        return new Models(new ModelRegistry(folderOrDefault(folder, layout.models(), "model registry")));
    }

    /** The data sets in the store {@code folder} (null: the project's), refusing a file where the folder should be. */
    public DataSets data(Path folder) {
        return new DataSets(new DatasetStore(folderOrDefault(folder, layout.datasets(), "data set store")));
    }

    private static Path folderOrDefault(Path folder, Path projectDefault, String what) {
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new TinymlException(folder + " is a file, not a " + what + " folder");
        }
        return folder != null ? folder : projectDefault;
    }
}
