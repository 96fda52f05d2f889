package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/**
 * One run of a pipeline as a job: its state, how many times a worker started it (more than one after a worker died),
 * what it made, and its stages so far.
 *
 * @param jobId     the job engine's id for the run, null until queued
 * @param worker    the worker that claimed the run last, null until one did
 * @param modelId   the registered model the run stored, null until its store stage passed
 * @param report    the dry-run report file, null until the run ended
 * @param error     why the run could not run at all; a failed stage says why in its own detail
 */
public record PipelineRun(long id, long pipelineId, String jobId, Status status, int attempts, String worker,
                          boolean cancelRequested,
                          String modelId, String report, String error, Instant createdAt, Instant startedAt, Instant endedAt,
                          List<RunStage> stages) {

    public enum Status {
        QUEUED, RUNNING, PASSED, FAILED, CANCELLED;

        public boolean ended() {
            return this == PASSED || this == FAILED || this == CANCELLED;
        }
    }

    /** A stage as it ended: PASSED, FAILED or SKIPPED, with its time and what it found or why it did not run. */
    public record RunStage(int position, String stage, String status, double seconds, String detail, Instant endedAt) {
    }
}
