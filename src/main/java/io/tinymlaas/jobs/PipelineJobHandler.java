package io.tinymlaas.jobs;

import io.tinymlaas.app.TinymlService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a pipeline job on this worker, through the service, in the worker's name. */
public final class PipelineJobHandler implements JobRequestHandler<PipelineJob> {

    private final TinymlService service;
    private final String workerName;

    PipelineJobHandler(TinymlService service, String workerName) {
        this.service = service;
        this.workerName = workerName;
    }

    @Override
    public void run(PipelineJob job) {
        service.execute(job.getRunId(), workerName);
    }
}
