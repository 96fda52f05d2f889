package io.tinymlaas.jobs;

import io.tinymlaas.app.TinymlService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Answers a question for support or the CFO on this worker, through the service. */
public final class EnquiryJobHandler implements JobRequestHandler<EnquiryJob> {

    private final TinymlService service;
    private final String workerName;

    EnquiryJobHandler(TinymlService service, String workerName) {
        this.service = service;
        this.workerName = workerName;
    }

    @Override
    public void run(EnquiryJob job) {
        service.answerEnquiry(job.getEnquiryId(), workerName);
    }
}
