package io.tinymlaas.app;

/** Where the service hands a pipeline run to be done; the job engine that does it is a door of its own (jobs). */
public interface PipelineQueue extends AutoCloseable {

    /** Queues the run; returns the job's id. Queuing one run twice gives the same job. */
    String enqueue(long runId);

    /** Stops taking and running jobs in this process; queued jobs stay for the next worker. */
    @Override
    void close();
}
