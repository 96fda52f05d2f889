package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.MatrixReport;
import io.tinymlaas.report.NightlyReport;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.store.FirmwareBuild;
import io.tinymlaas.store.Matrices;
import io.tinymlaas.store.Matrix;
import io.tinymlaas.store.ModelVersions;
import io.tinymlaas.store.PipelineRun;
import io.tinymlaas.store.PipelineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The CTO's board matrix on the job engine: one pipeline run per target, any worker taking any cell, and the same
 * matrix.md / matrix.json the command line writes, made from what the registry recorded of each cell's run.
 */
final class BoardMatrices {

    private final Tinyml engine;
    private final Matrices matrices;
    private final PipelineRuns runs;
    private final ModelVersions models;
    private final PipelineRunner runner;

    BoardMatrices(Tinyml engine, Matrices matrices, PipelineRuns runs, ModelVersions models, PipelineRunner runner) {
        this.engine = engine;
        this.matrices = matrices;
        this.runs = runs;
        this.models = models;
        this.runner = runner;
    }

    /** Checks every cell before any starts; {@code startRun} queues a pipeline's run and answers the run's id. */
    MatrixView start(MatrixRequest request, String createdBy, BiFunction<PipelineDefinition, String, Long> startRun) {
        if (request.targets() == null || request.targets().isEmpty()) {
            throw new InvalidInputException("targets", "name at least one target, or \"all\"");
        }
        List<String> targets = request.targets().contains(Tinyml.ALL_TARGETS) ? engine.targetIds()
                : request.targets().stream().distinct().toList();
        String last = Tinyml.DRY_RUN_STAGES.get(Tinyml.DRY_RUN_STAGES.size() - 1);
        long stamp = System.currentTimeMillis();
        List<PipelineDefinition> cells;
        try {
            cells = targets.stream().map(target -> runner.checked(new PipelineDefinition("matrix " + stamp + ": " + request.example()
                    + " on " + target, request.example(), target, last, request.dataVersion(), request.seed()))).toList();
        } catch (InvalidInputException e) {
            throw e.field().equals("target") ? new InvalidInputException("targets", e.getMessage().substring("target: ".length())) : e;
        }
        long id = matrices.create(cells.get(0).example(), request.dataVersion(), request.seed(), createdBy);
        for (int i = 0; i < cells.size(); i++) {
            PipelineDefinition cell = cells.get(i);
            Optional<String> cannotRun = engine.target(cell.target()).whyNotRunnable();
            matrices.cell(id, i, cannotRun.isPresent() ? new Matrix.Cell(cell.target(), null, cannotRun.get())
                    : new Matrix.Cell(cell.target(), startRun.apply(cell, createdBy), null));
        }
        return view(id);
    }

    MatrixView view(long id) {
        Matrix matrix = matrices.get(id);
        List<MatrixView.Cell> cells = matrix.cells().stream().map(cell -> cell.runId() == null
                ? new MatrixView.Cell(cell.target(), MatrixView.CANNOT_RUN_HERE, null, null, cell.cannotRun())
                : cellOf(cell.target(), runs.get(cell.runId()))).toList();
        List<MatrixView.Cell> runnable = cells.stream().filter(cell -> cell.runId() != null).toList();
        boolean finished = runnable.stream().allMatch(cell -> PipelineRun.Status.valueOf(cell.verdict()).ended());
        return new MatrixView(id, matrix.example(), cells, finished,
                finished && runnable.stream().allMatch(cell -> cell.verdict().equals(PipelineRun.Status.PASSED.name())));
    }

    /** Writes matrix.md, matrix.json and matrix.html where the command line's matrix of this example goes. */
    WrittenMatrix write(long id) {
        MatrixView view = view(id);
        MatrixReport report = report(view);
        return new WrittenMatrix(view, report.markdown(), report.write(engine.reportDirectory(view.example(), "matrix"), engine::coreOf));
    }

    /**
     * A finished matrix as the nightly report shows it: per cell its run's own report where this disk has it (a worker on
     * another machine wrote it to its own), else the stages the registry recorded.
     */
    NightlyReport.Example nightly(long id) {
        MatrixView view = view(id);
        List<RunReport> reports = new ArrayList<>();
        List<Path> pages = new ArrayList<>();
        for (MatrixView.Cell cell : view.cells()) {
            PipelineRun run = cell.runId() == null ? null : runs.get(cell.runId());
            Optional<Path> file = Optional.ofNullable(run).map(PipelineRun::report).map(Path::of).filter(Files::isReadable);
            reports.add(file.isPresent() ? readReport(file.get()) : registryReport(view.example(), cell.target(), run));
            pages.add(file.map(report -> report.resolveSibling("report.html")).filter(Files::isReadable).orElse(null));
        }
        return new NightlyReport.Example(report(view), reports, pages);
    }

    private MatrixReport report(MatrixView view) {
        return new MatrixReport(view.example(), view.cells().stream().map(this::row).toList());
    }

    private static RunReport readReport(Path file) {
        try {
            return ReportWriter.JSON.readValue(file.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new TinymlException(file + " is not a dry-run report: " + IoFailure.reason(e));
        }
    }

    private static RunReport registryReport(String example, String target, PipelineRun run) {
        if (run == null) {
            return new RunReport(example, target, false, "", 0, List.of(), null);
        }
        List<StageResult> stages = run.stages().stream().map(stage -> new StageResult(stage.stage(),
                StageResult.Status.valueOf(stage.status()), stage.seconds(), stage.detail())).toList();
        return new RunReport(example, target, run.status() == PipelineRun.Status.PASSED,
                run.startedAt() == null ? "" : run.startedAt().toString(), stages.stream().mapToDouble(StageResult::seconds).sum(), stages, null);
    }

    private MatrixReport.Row row(MatrixView.Cell cell) {
        if (cell.runId() == null) {
            return new MatrixReport.Row(cell.target(), MatrixReport.Verdict.CANNOT_RUN_HERE, cell.detail(), null, null, null, null);
        }
        PipelineRun run = runs.get(cell.runId());
        Optional<FirmwareBuild> firmware = Optional.ofNullable(run.modelId()).stream()
                .flatMap(model -> models.get(model).firmware().stream())
                .filter(build -> Objects.equals(build.runId(), run.id())).findFirst();
        boolean passed = run.status() == PipelineRun.Status.PASSED;
        return new MatrixReport.Row(cell.target(), passed ? MatrixReport.Verdict.PASSED : MatrixReport.Verdict.FAILED,
                passed ? "every stage passed" : run.status() == PipelineRun.Status.CANCELLED ? "cancelled" : cell.detail(),
                firmware.map(FirmwareBuild::instructions).orElse(null), firmware.map(FirmwareBuild::flashBytes).orElse(null),
                firmware.map(FirmwareBuild::ramBytes).orElse(null), arenaBytes(run).orElse(null));
    }

    /**
     * The arena is in the run's own report, which a worker on another machine wrote to its disk, not to the registry:
     * shown where that report can be read.
     */
    private static Optional<Integer> arenaBytes(PipelineRun run) {
        if (run.report() == null || !Files.isReadable(Path.of(run.report()))) {
            return Optional.empty();
        }
        try {
            JsonNode arena = ReportWriter.JSON.readTree(Path.of(run.report()).toFile()).path("figures").path("arena_bytes");
            return arena.isNumber() ? Optional.of(arena.asInt()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static MatrixView.Cell cellOf(String target, PipelineRun run) {
        String detail = run.error() != null ? run.error()
                : run.stages().stream().filter(stage -> stage.status().equals("FAILED")).findFirst()
                        .map(stage -> stage.stage() + ": " + stage.detail())
                        .orElse(run.stages().stream().filter(stage -> stage.stage().equals("run")).findFirst()
                                .map(PipelineRun.RunStage::detail).orElse(""));
        return new MatrixView.Cell(target, run.status().name(), run.id(), run.modelId(), detail);
    }
}
