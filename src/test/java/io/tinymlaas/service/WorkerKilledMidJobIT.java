package io.tinymlaas.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that only queues (`serve --no-worker`) and two `tinyml worker` processes on one PostgreSQL: the worker that
 * took a run is killed with SIGKILL mid-job, JobRunr hands the job to the other once the dead one's heartbeat has timed
 * out, and the run starts afresh there and passes.
 */
// about 80 s each (a pipeline trained twice, JobRunr's 20 s server timeout): in the nightly build, or with -Dtinyml.kill.tests=true
@EnabledIfSystemProperty(named = "tinyml.kill.tests", matches = "true")
class WorkerKilledMidJobIT {

    /** JobRunr fails an orphaned job after 4 missed 5 s polls and retries it; then hello_world on x86 takes about a minute. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final Map<String, String> PASSWORD = Map.of("TINYML_DB_PASSWORD", "postgres");

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

    private final ServiceProcesses processes = new ServiceProcesses();

    @BeforeAll
    static void startPostgres() {
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException | RuntimeException e) {
            Assumptions.abort("embedded PostgreSQL cannot start on this machine, so no workers can share a database: " + e);
        }
    }

    @AfterEach
    void killProcesses() {
        processes.close();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aJobWhoseWorkerWasKilledIsHandedToTheOtherWorkerAndItsRunStartsAfreshThereAndPasses() {
        String db = postgres.getJdbcUrl("postgres", "postgres");
        ServiceProcess server = processes.start("serve", PASSWORD, "serve", "--no-worker", "--port", "0", "--data-dir",
                dataDir.toString(), "--db", db, "--db-user", "postgres");
        ServiceClient client = new ServiceClient(server.awaitServing(), server.awaitFirstToken(), processes::outputs);
        // started once the server has migrated the registry and made JobRunr's tables, so no two processes race to make them
        Map<String, ServiceProcess> workers = Map.of("worker-a", worker("worker-a", db), "worker-b", worker("worker-b", db));
        workers.values().forEach(ServiceProcess::awaitWorking);
        long runId = client.startRun(client.composeHelloWorldOnX86("sine over two workers"));
        JsonNode taken = client.awaitRun(runId, run -> run.get("status").asText().equals("RUNNING") && !run.get("worker").isNull()
                && !run.get("stages").isEmpty(), "RUNNING on a named worker, its first stage recorded", RUN_LIMIT);
        String victim = taken.get("worker").asText();
        assertThat(victim).isIn(workers.keySet());

        workers.get(victim).kill();
        Instant killed = Instant.now();
        client.awaitRun(runId, run -> run.get("attempts").asInt() == 2, "claimed a second time", RUN_LIMIT);
        Instant handedOn = Instant.now();
        JsonNode run = client.awaitEnd(runId, RUN_LIMIT);
        System.out.printf("WorkerKilledMidJobIT: %s killed after %d stage(s); JobRunr handed the run to %s %.1f s after the"
                + " kill; the second attempt took %.1f s%n", victim, taken.get("stages").size(), run.get("worker").asText(),
                killed.until(handedOn, ChronoUnit.MILLIS) / 1000.0, handedOn.until(Instant.now(), ChronoUnit.MILLIS) / 1000.0);

        client.assertPassedAfreshOnSecondAttempt(run);
        String survivor = workers.keySet().stream().filter(name -> !name.equals(victim)).findFirst().orElseThrow();
        assertThat(run.get("worker").asText()).as(run::toString).isEqualTo(survivor);
        assertThat(workers.get(survivor).alive()).as(processes::outputs).isTrue();
    }

    private ServiceProcess worker(String name, String db) {
        return processes.start(name, PASSWORD, "worker", "--name", name, "--db", db, "--db-user", "postgres");
    }
}
