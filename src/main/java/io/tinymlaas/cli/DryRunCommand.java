package io.tinymlaas.cli;

import io.tinymlaas.app.DryRunOutcome;
import io.tinymlaas.app.MatrixRequest;
import io.tinymlaas.app.MatrixView;
import io.tinymlaas.app.NightlyOutcome;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.app.WrittenMatrix;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.report.RunReport;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = {"Runs the whole lifecycle of an example on a target and writes report.json and report.html.",
                "With several targets (or 'all'), the model is made once and run on each; matrix.md and matrix.json "
                        + "say per target whether it passed, failed (where and why) or cannot run here (why).",
                "With --jobs, each target is a job on the registry database's job engine (--db, or the embedded H2 in "
                        + "--data-dir), so every `bin/tinyml worker` on that database takes cells; this process takes "
                        + "them too unless --no-worker. Each cell makes its own model (the same bytes: same data and seed)."})
final class DryRunCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection run;

    @Option(names = "--all", description = "the CTO's nightly report: every example (or those of --examples) on x86 and every board; "
            + "one HTML page of every cell and JUnit XML, in target/tinyml/reports/nightly")
    boolean all;

    @Option(names = "--examples", split = ",", paramLabel = "<example>", description = "with --all: only these examples")
    List<String> examples;

    @Option(names = "--board-inputs", paramLabel = "<n>", description = "run at most this many test inputs on each board "
            + "(x86 runs them all): a sample, for a quick matrix of a large model over every board")
    Integer boardInputs;

    @Option(names = "--jobs", description = "one job per target on the registry database's job engine, shared with its workers")
    boolean jobs;

    @Option(names = "--no-worker", description = "with --jobs: leave the cells to the workers already running")
    boolean noWorker;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        if (!jobs && (noWorker || database.connection.url != null || database.dataDirectory != null)) {
            throw new ParameterException(spec.commandLine(), "--no-worker, --db and --data-dir go with --jobs");
        }
        if (jobs && boardInputs != null) {
            throw new ParameterException(spec.commandLine(), "--board-inputs goes with dry-runs in this process, not with --jobs");
        }
        if ((jobs || all) && ArithmeticProfile.parse(run.reference) != ArithmeticProfile.TFLITE_2_6) {
            throw new ParameterException(spec.commandLine(), "--reference " + run.reference
                    + " goes with dry-runs in this process, not with --jobs or --all");
        }
        if (all) {
            return nightly();
        }
        return jobs ? asJobs() : inThisProcess();
    }

    private int nightly() throws InterruptedException {
        if (run.example != null) {
            throw new ParameterException(spec.commandLine(), "--all runs every example: name examples with --examples");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> chosen = examples == null ? Tinyml.examples() : examples;
        out.printf("nightly dry-run of %s on every target%s%n", String.join(", ", chosen), jobs ? ", one job per cell" : "");
        NightlyOutcome outcome = jobs ? nightlyAsJobs(chosen) : main.tinyml().nightly(chosen, boardInputs, new StagePrinter(out));
        outcome.matrices().forEach(matrix -> out.printf("%s%n%s", matrix.example(), matrix.markdown()));
        out.printf("%s; report: %s, JUnit XML: %s%n", outcome.passed() ? "PASSED (every cell that can run here)" : "FAILED",
                outcome.html(), outcome.junit());
        return outcome.passed() ? 0 : 1;
    }

    private int inThisProcess() {
        Tinyml tinyml = main.tinyml();
        PrintWriter out = spec.commandLine().getOut();
        List<String> targets = tinyml.targetsFor(run.request());
        out.printf("dry-run %s on %s%n", run.example, String.join(", ", targets));
        DryRunOutcome outcome = tinyml.dryRun(run.request(), boardInputs, new StagePrinter(out));
        if (outcome.matrix() == null) {
            RunReport report = outcome.reports().get(0);
            out.printf("%s in %.1f s; report: %s%n", report.passed() ? "PASSED" : "FAILED", report.totalSeconds(), outcome.file());
        } else {
            out.print(outcome.matrix().markdown());
            out.printf("%s; matrix: %s%n", outcome.passed() ? "PASSED (every target that can run here)" : "FAILED", outcome.file());
        }
        return outcome.passed() ? 0 : 1;
    }

    private NightlyOutcome nightlyAsJobs(List<String> chosen) throws InterruptedException {
        String started = Instant.now().toString();
        try (TinymlService service = database.open(main.tinyml(), !noWorker, worker())) {
            List<MatrixView> matrices = service.startNightly(chosen, "cli " + worker());
            announce(service, matrices);
            return service.writeNightly(awaitEvery(service, matrices), started);
        }
    }

    private int asJobs() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (TinymlService service = database.open(main.tinyml(), !noWorker, worker())) {
            MatrixView matrix = service.startMatrix(new MatrixRequest(run.example, run.targets, run.dataVersion, run.seed), "cli " + worker());
            announce(service, List.of(matrix));
            WrittenMatrix written = service.writeMatrix(awaitEvery(service, List.of(matrix)).get(0));
            out.print(written.markdown());
            out.printf("%s; matrix: %s%n", written.matrix().passed() ? "PASSED (every target that can run here)" : "FAILED", written.file());
            return written.matrix().passed() ? 0 : 1;
        }
    }

    private String worker() {
        return "dry-run-" + ManagementFactory.getRuntimeMXBean().getName();
    }

    private void announce(TinymlService service, List<MatrixView> matrices) {
        PrintWriter out = spec.commandLine().getOut();
        for (MatrixView matrix : matrices) {
            out.printf("matrix %d: %s on %d targets, one job each on the %s database %s (%s)%n", matrix.id(), matrix.example(),
                    matrix.cells().size(), service.databaseKind(), database.jdbcUrl(),
                    noWorker ? "left to its workers" : "this process works too, beside any `bin/tinyml worker`");
        }
        out.flush();
    }

    /** Prints each cell as it ends until every matrix has finished; answers their ids. */
    private List<Long> awaitEvery(TinymlService service, List<MatrixView> started) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<MatrixView> matrices = started;
        Set<String> shown = new HashSet<>();
        String prefix = started.size() > 1 ? "%2$-16s " : "";
        while (true) {
            for (MatrixView matrix : matrices) {
                matrix.cells().stream().filter(cell -> ended(cell) && shown.add(matrix.id() + " " + cell.target()))
                        .forEach(cell -> out.printf("  " + prefix + "%1$-28s %3$-15s %4$s%n", cell.target(), matrix.example(),
                                cell.verdict(), cell.detail()));
            }
            out.flush();
            if (matrices.stream().allMatch(MatrixView::finished)) {
                return matrices.stream().map(MatrixView::id).toList();
            }
            Thread.sleep(POLL.toMillis());
            matrices = matrices.stream().map(matrix -> service.matrix(matrix.id())).toList();
        }
    }

    private static boolean ended(MatrixView.Cell cell) {
        return List.of(MatrixView.CANNOT_RUN_HERE, "PASSED", "FAILED", "CANCELLED").contains(cell.verdict());
    }
}
