package io.tinymlaas.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The job of answering one question for support or the CFO: only its id, as the question lives in the registry. */
public final class EnquiryJob implements JobRequest {

    private long enquiryId;

    public EnquiryJob() {
    }

    EnquiryJob(long enquiryId) {
        this.enquiryId = enquiryId;
    }

    public long getEnquiryId() {
        return enquiryId;
    }

    public void setEnquiryId(long enquiryId) {
        this.enquiryId = enquiryId;
    }

    @Override
    public Class<EnquiryJobHandler> getJobRequestHandler() {
        return EnquiryJobHandler.class;
    }
}
