package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.store.PipelineRun.RunStage;
import io.tinymlaas.store.PipelineRun.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Pipeline runs and their stages. State changes are single conditional updates, so a server and its workers, each with
 * its own connection, never both move one run.
 */
public final class PipelineRuns {

    private static final String COLUMNS = "id, pipeline_id, job_id, status, attempts, worker, cancel_requested, model_id,"
            + " report_file, error, created_at, started_at, ended_at";

    private final Sql sql;

    public PipelineRuns(Database database) {
        this.sql = database.sql();
    }

    public PipelineRun create(long pipelineId) {
        long id = sql.insert("insert into pipeline_run (pipeline_id, status, attempts, cancel_requested, created_at)"
                + " values (?, ?, 0, false, ?)", pipelineId, Status.QUEUED.name(), Instant.now());
        return get(id);
    }

    public void queued(long runId, String jobId) {
        sql.update("update pipeline_run set job_id = ? where id = ?", jobId, runId);
    }

    /**
     * Claims a run for a worker: a queued run, or a running one whose worker died (its job was handed on), starts afresh
     * with its earlier stages cleared, as {@code worker}'s. False when the run has ended or was cancelled, so it never runs
     * again.
     */
    public boolean start(long runId, String worker) {
        int claimed = sql.update("update pipeline_run set status = ?, attempts = attempts + 1, worker = ?, started_at = ?"
                + " where id = ? and status in (?, ?) and cancel_requested = false", Status.RUNNING.name(), worker, Instant.now(),
                runId, Status.QUEUED.name(), Status.RUNNING.name());
        if (claimed == 1) {
            sql.update("delete from run_stage where run_id = ?", runId);
        } else {
            sql.update("update pipeline_run set status = ?, ended_at = ? where id = ? and status = ?", Status.CANCELLED.name(),
                    Instant.now(), runId, Status.QUEUED.name());
        }
        return claimed == 1;
    }

    public void stage(long runId, int position, String stage, String status, double seconds, String detail) {
        sql.update("insert into run_stage (run_id, position, stage, status, seconds, detail, ended_at) values (?, ?, ?, ?, ?, ?, ?)",
                runId, position, stage, status, seconds, detail, Instant.now());
    }

    public void finish(long runId, Status status, String modelId, String report, String error) {
        sql.update("update pipeline_run set status = ?, model_id = ?, report_file = ?, error = ?, ended_at = ? where id = ?",
                status.name(), modelId, report, error, Instant.now(), runId);
    }

    /** Asks a run to stop: a queued run is cancelled at once, a running one before its next stage. */
    public PipelineRun cancel(long runId) {
        PipelineRun run = get(runId);
        if (run.status().ended()) {
            throw new ConflictException("run " + runId + " has already ended: " + run.status());
        }
        sql.update("update pipeline_run set cancel_requested = true where id = ?", runId);
        sql.update("update pipeline_run set status = ?, ended_at = ? where id = ? and status = ?", Status.CANCELLED.name(),
                Instant.now(), runId, Status.QUEUED.name());
        return get(runId);
    }

    public boolean cancelRequested(long runId) {
        return sql.one("select cancel_requested from pipeline_run where id = ?", row -> row.getBoolean(1), runId).orElse(false);
    }

    public PipelineRun get(long runId) {
        return sql.one("select " + COLUMNS + " from pipeline_run where id = ?", this::run, runId)
                .orElseThrow(() -> new NotFoundException("no pipeline run with id " + runId));
    }

    public List<PipelineRun> ofPipeline(long pipelineId) {
        return sql.list("select " + COLUMNS + " from pipeline_run where pipeline_id = ? order by id", this::run, pipelineId);
    }

    private List<RunStage> stages(long runId) {
        return sql.list("select position, stage, status, seconds, detail, ended_at from run_stage where run_id = ? order by position",
                row -> new RunStage(row.getInt("position"), row.getString("stage"), row.getString("status"),
                        row.getDouble("seconds"), row.getString("detail"), Sql.instant(row, "ended_at")), runId);
    }

    private PipelineRun run(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        return new PipelineRun(id, row.getLong("pipeline_id"), row.getString("job_id"), Status.valueOf(row.getString("status")),
                row.getInt("attempts"), row.getString("worker"), row.getBoolean("cancel_requested"), row.getString("model_id"),
                row.getString("report_file"), row.getString("error"), Sql.instant(row, "created_at"), Sql.instant(row, "started_at"),
                Sql.instant(row, "ended_at"), stages(id));
    }
}
