package io.tinymlaas.jobs;

import io.tinymlaas.app.TinymlService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a pipeline job on this worker, through the service. */
public final class PipelineJobHandler implements JobRequestHandler<PipelineJob> {

    private final TinymlService service;

    PipelineJobHandler(TinymlService service) {
        this.service = service;
    }

    @Override
    public void run(PipelineJob job) {
        service.execute(job.getRunId());
    }
}
