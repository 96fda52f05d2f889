package io.tinymlaas.jobs;

import io.tinymlaas.app.JobQueue;
import io.tinymlaas.app.TinymlService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration.JobRunrConfigurationResult;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;

/**
 * JobRunr on the registry database. Every process that opens it can queue runs; a process that works also takes them,
 * one at a time, as a pipeline trains and runs emulators that want the machine's cores to themselves.
 */
public final class JobEngine implements JobQueue, AutoCloseable {

    /** JobRunr's shortest poll: a queued run starts within about this long on an idle worker. */
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    private final JobRequestScheduler scheduler;
    private final boolean works;

    private JobEngine(JobRequestScheduler scheduler, boolean works) {
        this.scheduler = scheduler;
        this.works = works;
    }

    /**
     * Starts the engine for {@code service}; with {@code work} this process also runs jobs, named {@code workerName} in
     * JobRunr's server list and on the runs it claims. JobRunr keeps one configuration per JVM, so a process starts one
     * engine.
     */
    public static JobEngine start(TinymlService service, boolean work, String workerName) {
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                if (type == RolloutJobHandler.class) {
                    return type.cast(new RolloutJobHandler(service));
                }
                return type.cast(type == EnquiryJobHandler.class ? new EnquiryJobHandler(service, workerName)
                        : new PipelineJobHandler(service, workerName));
            }
        };
        JobRunrConfigurationResult result = JobRunr.configure()
                .useStorageProvider(SqlStorageProviderFactory.using(service.jobStorage()))
                .useJobActivator(activator)
                .useBackgroundJobServerIf(work, BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andName(workerName).andWorkerCount(1).andPollInterval(POLL))
                .initialize();
        return new JobEngine(result.getJobRequestScheduler(), work);
    }

    /** The job id is derived from the run id, so queuing a run again (e.g. after a restart) never makes a second job. */
    @Override
    public String enqueueRun(long runId) {
        return scheduler.enqueue(jobId("pipeline run " + runId), new PipelineJob(runId)).toString();
    }

    @Override
    public String enqueueRollout(long rolloutId) {
        return scheduler.enqueue(jobId("rollout " + rolloutId), new RolloutJob(rolloutId)).toString();
    }

    @Override
    public String enqueueEnquiry(long enquiryId) {
        return scheduler.enqueue(jobId("enquiry " + enquiryId), new EnquiryJob(enquiryId)).toString();
    }

    private static UUID jobId(String what) {
        return UUID.nameUUIDFromBytes(("tinymlaas " + what).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stops the engine; a worker that started a moment ago first finishes its start-up, whose tasks would otherwise fail
     * loudly on the closed database (a short `dry-run --jobs` closes within a second of starting).
     */
    @Override
    public void close() {
        BackgroundJobServer server = works ? JobRunr.getBackgroundJobServer() : null;
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (server != null && server.isRunning() && server.isNotReadyToProcessJobs() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        JobRunr.destroy();
    }
}
