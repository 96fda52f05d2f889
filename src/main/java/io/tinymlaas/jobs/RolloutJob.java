package io.tinymlaas.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The job of one rollout: only its id, as its state lives in the registry. A bean so JobRunr can store it. */
public final class RolloutJob implements JobRequest {

    private long rolloutId;

    public RolloutJob() {
    }

    RolloutJob(long rolloutId) {
        this.rolloutId = rolloutId;
    }

    public long getRolloutId() {
        return rolloutId;
    }

    public void setRolloutId(long rolloutId) {
        this.rolloutId = rolloutId;
    }

    @Override
    public Class<RolloutJobHandler> getJobRequestHandler() {
        return RolloutJobHandler.class;
    }
}
