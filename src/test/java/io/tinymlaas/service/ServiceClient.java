package io.tinymlaas.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.lifecycle.DryRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The REST API of a service process, as an operator's client uses it; an answer other than the expected one fails. */
final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Set<String> ENDED = Set.of("PASSED", "FAILED", "CANCELLED");

    private final String baseUrl;
    private final String token;
    private final Supplier<String> outputs;

    /** {@code outputs}: what the service processes printed, added to every failure. */
    ServiceClient(String baseUrl, String token, Supplier<String> outputs) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.outputs = outputs;
    }

    long registerEmulatedDevice(String name) {
        return send("/api/devices", Map.of("name", name, "board", "arduino_nano_33_ble_sense", "transport", "emulator",
                "location", "kill test", "tags", List.of("kill")), 201).get("id").asLong();
    }

    /** A hello_world pipeline on the x86 container through every stage up to the bit-identity comparison. */
    long composeHelloWorldOnX86(String name) {
        Map<String, String> definition = Map.of("name", name, "example", "hello_world", "target", "x86", "lastStage", "compare");
        return send("/api/pipelines", definition, 201).get("id").asLong();
    }

    long startRun(long pipelineId) {
        return send("/api/pipelines/" + pipelineId + "/runs", Map.of(), 202).get("id").asLong();
    }

    JsonNode run(long runId) {
        return get("/api/runs/" + runId);
    }

    JsonNode get(String path) {
        return call(request(path).GET(), 200);
    }

    /** Polls a run until {@code condition} holds; fails after {@code limit} with the run and the processes' output. */
    JsonNode awaitRun(long runId, Predicate<JsonNode> condition, String what, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            JsonNode run = run(runId);
            if (condition.test(run)) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + runId + " did not reach '" + what + "' within " + limit + ": " + run + "\n"
                        + outputs.get());
            }
            Polling.pause();
        }
    }

    JsonNode awaitEnd(long runId, Duration limit) {
        return awaitRun(runId, run -> ENDED.contains(run.get("status").asText()), "ended", limit);
    }

    /** A run that passed on its second claim, every stage once, in order: nothing of the killed attempt is left. */
    void assertPassedAfreshOnSecondAttempt(JsonNode run) {
        assertThat(run.get("status").asText()).as(() -> run + "\n" + outputs.get()).isEqualTo("PASSED");
        assertThat(run.get("attempts").asInt()).as(run::toString).isEqualTo(2);
        List<String> stages = new ArrayList<>();
        run.get("stages").forEach(stage -> stages.add(stage.get("stage").asText()));
        assertThat(stages).as(run::toString).containsExactlyElementsOf(DryRun.STAGES);
        assertThat(run.get("stages").findValuesAsText("status")).as(run::toString).containsOnly("PASSED");
    }

    private JsonNode send(String path, Object body, int expected) {
        try {
            return call(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private JsonNode call(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(built.method() + " " + built.uri() + " answered " + response.statusCode() + " (expected "
                        + expected + "): " + response.body() + "\n" + outputs.get());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e + "\n" + outputs.get(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
