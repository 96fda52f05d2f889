package io.tinymlaas.app;

/** Where the service hands long work to be done; the job engine that does it is a door of its own (jobs). */
public interface JobQueue extends AutoCloseable {

    /** Queues a pipeline run; returns the job's id. Queuing one run twice gives the same job. */
    String enqueueRun(long runId);

    /** Queues a rollout; returns the job's id. Queuing one rollout twice gives the same job. */
    String enqueueRollout(long rolloutId);

    /** Queues a question for support or the CFO; returns the job's id. Queuing one question twice gives the same job. */
    String enqueueEnquiry(long enquiryId);

    /** Stops taking and running jobs in this process; queued jobs stay for the next worker. */
    @Override
    void close();
}
