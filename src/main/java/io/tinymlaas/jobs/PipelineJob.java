package io.tinymlaas.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The job of one pipeline run: only its id, as the run's state lives in the registry. A bean so JobRunr can store it. */
public final class PipelineJob implements JobRequest {

    private long runId;

    public PipelineJob() {
    }

    PipelineJob(long runId) {
        this.runId = runId;
    }

    public long getRunId() {
        return runId;
    }

    public void setRunId(long runId) {
        this.runId = runId;
    }

    @Override
    public Class<PipelineJobHandler> getJobRequestHandler() {
        return PipelineJobHandler.class;
    }
}
