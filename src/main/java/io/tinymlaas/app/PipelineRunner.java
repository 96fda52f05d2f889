package io.tinymlaas.app;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.lifecycle.StagePlan;
import io.tinymlaas.report.RunFigures;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.store.FirmwareBuild;
import io.tinymlaas.store.ModelVersions;
import io.tinymlaas.store.Pipeline;
import io.tinymlaas.store.PipelineRun;
import io.tinymlaas.store.PipelineRuns;
import io.tinymlaas.store.Pipelines;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pipelines as the service keeps them: a definition checked against the engine (example, target, last stage, data
 * version), and each run done by a job worker through the engine's dry-run, its stages recorded as they end.
 */
final class PipelineRunner {

    private final Tinyml engine;
    private final Pipelines pipelines;
    private final PipelineRuns runs;
    private final ModelVersions models;
    private final Runnable importFileStores;

    PipelineRunner(Tinyml engine, Pipelines pipelines, PipelineRuns runs, ModelVersions models, Runnable importFileStores) {
        // a job runs behind whatever its process prints (a server's log, `dry-run --jobs` listing cells): no bars there
        this.engine = engine.silent();
        this.pipelines = pipelines;
        this.runs = runs;
        this.models = models;
        this.importFileStores = importFileStores;
    }

    Pipeline create(PipelineDefinition definition, String createdBy) {
        PipelineDefinition checked = checked(definition);
        return pipelines.create(checked.name(), checked.example(), checked.target(), checked.lastStage(), checked.dataVersion(),
                checked.seed(), createdBy);
    }

    /** The definition with every field checked against the engine, and the last stage filled in when not given. */
    PipelineDefinition checked(PipelineDefinition definition) {
        String name = Fields.name("name", definition.name());
        String example = Fields.required("example", definition.example());
        if (!Examples.names().contains(example)) {
            throw new InvalidInputException("example", "no example '" + example + "'; known: " + String.join(", ", Examples.names()));
        }
        String target = Fields.required("target", definition.target());
        List<String> targets = engine.targetIds();
        if (!targets.contains(target)) {
            throw new InvalidInputException("target", "no target '" + target + "'; known: " + String.join(", ", targets));
        }
        String lastStage = definition.lastStage() == null ? Tinyml.DRY_RUN_STAGES.get(Tinyml.DRY_RUN_STAGES.size() - 1)
                : definition.lastStage();
        if (!Tinyml.DRY_RUN_STAGES.contains(lastStage)) {
            throw new InvalidInputException("lastStage", "no stage '" + lastStage + "'; a pipeline ends at one of "
                    + String.join(", ", Tinyml.DRY_RUN_STAGES));
        }
        if (definition.dataVersion() != null) {
            try {
                engine.targetsFor(new RunRequest(example, List.of(target), definition.dataVersion(), null));
            } catch (TinymlException e) {
                throw new InvalidInputException("dataVersion", e.getMessage());
            }
        }
        return new PipelineDefinition(name, example, target, lastStage, definition.dataVersion(), definition.seed());
    }

    void execute(long runId, String worker) {
        if (!runs.start(runId, worker)) {
            return;
        }
        PipelineRun run = runs.get(runId);
        Pipeline pipeline = pipelines.get(run.pipelineId());
        AtomicInteger position = new AtomicInteger();
        try {
            DryRunOutcome outcome = engine.dryRun(new RunRequest(pipeline.example(), List.of(pipeline.target()), pipeline.dataVersion(),
                            pipeline.seed()), new StagePlan(pipeline.lastStage(), () -> runs.cancelRequested(runId)),
                    stage -> runs.stage(runId, position.getAndIncrement(), stage.name(), stage.status().name(), stage.seconds(),
                            stage.detail()));
            RunReport report = outcome.reports().get(0);
            String modelId = report.figures().stored() == null ? null : report.figures().stored().modelId();
            importFileStores.run();
            if (modelId != null) {
                recordFirmware(modelId, pipeline.target(), report.figures(), runId);
            }
            PipelineRun.Status status = runs.cancelRequested(runId) && !report.passed() ? PipelineRun.Status.CANCELLED
                    : report.passed() ? PipelineRun.Status.PASSED : PipelineRun.Status.FAILED;
            runs.finish(runId, status, modelId, engine.runReportFile(report).toString(), null);
        } catch (TinymlException e) {
            runs.finish(runId, PipelineRun.Status.FAILED, null, null, e.getMessage());
        } catch (RuntimeException e) {
            // a bug of ours, not bad input: the run ends failed rather than being retried into the same bug
            runs.finish(runId, PipelineRun.Status.FAILED, null, null, "internal error: " + e);
        }
    }

    private void recordFirmware(String modelId, String target, RunFigures figures, long runId) {
        if (figures.program() == null || figures.conversion() == null) {
            return;
        }
        RunFigures.Program program = figures.program();
        models.recordFirmware(modelId, new FirmwareBuild(target, figures.conversion().modelSha256(), program.flashBytes(),
                program.ramBytes(), program.instructionsPerInference(), figures.compared() != null && figures.compared().bitIdentical(),
                Instant.now(), runId));
    }
}
