package io.tinymlaas.steps.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The pipelines a scenario composed (by name) and the run it started last, read back over the API. */
public class PipelineRunWatch {

    /** A hello_world pipeline on x86 ends in about a minute; the limit only stops a hung run from hanging the build. */
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final Api api;
    private final Map<String, Long> pipelines = new HashMap<>();
    private long runId;

    public PipelineRunWatch(Api api) {
        this.api = api;
    }

    public void compose(String name, Map<String, Object> definition) {
        Api.Answer answer = api.post("/api/pipelines", definition);
        if (answer.status() == 201) {
            pipelines.put(name, answer.json().get("id").asLong());
        }
    }

    public Api.Answer run(String name) {
        assertThat(pipelines).as("pipelines composed in this scenario").containsKey(name);
        Api.Answer answer = api.post("/api/pipelines/" + pipelines.get(name) + "/runs", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        runId = answer.json().get("id").asLong();
        return answer;
    }

    public long runId() {
        return runId;
    }

    public JsonNode current() {
        return api.get("/api/runs/" + runId).json();
    }

    /** Polls the run until {@code condition} holds. */
    public JsonNode until(Predicate<JsonNode> condition, String what) {
        return api.until("/api/runs/" + runId, condition, what, LIMIT);
    }

    public JsonNode ended() {
        return until(run -> switch (run.get("status").asText()) {
            case "PASSED", "FAILED", "CANCELLED" -> true;
            default -> false;
        }, "ended");
    }

    /** The stage of that name in a run as the API gives it. */
    public static JsonNode stage(JsonNode run, String name) {
        for (JsonNode stage : run.get("stages")) {
            if (stage.get("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + run);
    }
}
