package io.tinymlaas.jobs;

import io.tinymlaas.app.TinymlService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a rollout job on this worker, through the service. */
public final class RolloutJobHandler implements JobRequestHandler<RolloutJob> {

    private final TinymlService service;

    RolloutJobHandler(TinymlService service) {
        this.service = service;
    }

    @Override
    public void run(RolloutJob job) {
        service.executeRollout(job.getRolloutId());
    }
}
