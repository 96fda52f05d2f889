package io.tinymlaas.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tinyml serve` (REST API and job worker in one process, embedded H2 registry) killed with SIGKILL while a pipeline
 * runs, then started again on the same data folder: JobRunr takes the run up again once the dead server's heartbeat has
 * timed out, the run starts afresh and passes, and nothing registered before the kill is lost.
 */
// about 80 s each (a pipeline trained twice, JobRunr's 20 s server timeout): in the nightly build, or with -Dtinyml.kill.tests=true
@EnabledIfSystemProperty(named = "tinyml.kill.tests", matches = "true")
class ServerKilledMidPipelineIT {

    /** JobRunr fails an orphaned job after 4 missed 5 s polls and retries it; then hello_world on x86 takes about a minute. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;

    private final ServiceProcesses processes = new ServiceProcesses();

    @AfterEach
    void killProcesses() {
        processes.close();
    }

    @Test
    void aRunWhoseServerWasKilledMidPipelineRunsAgainAfterRestartAndPassesWithNothingLost() throws Exception {
        ServiceProcess first = serve("serve (first)");
        ServiceClient before = new ServiceClient(first.awaitServing(), first.awaitFirstToken(), processes::outputs);
        long deviceId = before.registerEmulatedDevice("line-3 vibration");
        long pipelineId = before.composeHelloWorldOnX86("sine to the comparison");
        long runId = before.startRun(pipelineId);
        before.awaitRun(runId, run -> run.get("status").asText().equals("RUNNING") && !run.get("stages").isEmpty(),
                "RUNNING with its first stage recorded", RUN_LIMIT);

        first.kill();
        Instant killed = Instant.now();
        ServiceProcess second = serve("serve (restarted)");
        String url = second.awaitServing();
        Instant restarted = Instant.now();
        assertThat(second.output()).as(processes::outputs).doesNotContain("first operator token");
        ServiceClient after = new ServiceClient(url, Files.readString(dataDir.resolve("first-operator-token")).strip(),
                processes::outputs);
        after.awaitRun(runId, run -> run.get("attempts").asInt() == 2, "claimed a second time", RUN_LIMIT);
        Instant handedOn = Instant.now();
        JsonNode run = after.awaitEnd(runId, RUN_LIMIT);
        System.out.printf("ServerKilledMidPipelineIT: the restart took %.1f s; JobRunr handed the run on %.1f s after the kill;"
                + " the second attempt took %.1f s%n", killed.until(restarted, ChronoUnit.MILLIS) / 1000.0,
                killed.until(handedOn, ChronoUnit.MILLIS) / 1000.0, handedOn.until(Instant.now(), ChronoUnit.MILLIS) / 1000.0);

        after.assertPassedAfreshOnSecondAttempt(run);
        assertThat(run.get("worker").asText()).isEqualTo("serve@127.0.0.1");
        assertThat(after.get("/api/devices/" + deviceId).get("name").asText()).isEqualTo("line-3 vibration");
        assertThat(after.get("/api/pipelines/" + pipelineId).get("name").asText()).isEqualTo("sine to the comparison");
        assertThat(after.get("/api/models").findValuesAsText("id")).as(run::toString).contains(run.get("modelId").asText());
    }

    private ServiceProcess serve(String name) {
        return processes.start(name, Map.of(), "serve", "--port", "0", "--data-dir", dataDir.toString());
    }
}
