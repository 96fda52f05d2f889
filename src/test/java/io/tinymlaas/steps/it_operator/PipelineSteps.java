package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.steps.service.Api;
import io.tinymlaas.steps.service.PipelineRunWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Composing, running, watching and cancelling pipelines through the REST API. */
public class PipelineSteps {

    private final Api api;
    private final PipelineRunWatch watch;

    public PipelineSteps(Api api, PipelineRunWatch watch) {
        this.api = api;
        this.watch = watch;
    }

    @When("I compose the pipeline {string} of {string} for {string} ending at {string}")
    public void compose(String name, String example, String target, String lastStage) {
        watch.compose(name, Map.of("name", name, "example", example, "target", target, "lastStage", lastStage));
    }

    @When("I run the pipeline {string}")
    public void run(String name) {
        watch.run(name);
    }

    @Then("the answer is 202 and the run is queued as a job")
    public void theRunIsQueued() {
        JsonNode run = api.last().json();
        assertThat(api.last().status()).isEqualTo(202);
        assertThat(run.get("status").asText()).isIn("QUEUED", "RUNNING");
        assertThat(run.get("jobId").asText()).matches("[0-9a-f-]{36}");
    }

    @Then("the run's progress stream sends one event per stage, in order, and then the end")
    public void theProgressStream() {
        List<String[]> events = api.events("/api/runs/" + watch.runId() + "/events");
        List<String> kinds = events.stream().map(event -> event[0]).toList();
        assertThat(kinds).endsWith("end");
        List<String> stages = new ArrayList<>();
        events.stream().filter(event -> event[0].equals("stage")).forEach(event -> stages.add(Api.parse(event[1]).get("stage").asText()));
        assertThat(stages).containsExactly("collect", "train", "store", "convert", "reference", "compile", "run", "compare");
        assertThat(Api.parse(events.get(events.size() - 1)[1]).get("status").asText()).isEqualTo("PASSED");
    }

    @Then("the run PASSED with stages {} passed")
    public void theRunPassed(String passed) {
        JsonNode run = watch.ended();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("PASSED");
        assertThat(run.get("attempts").asInt()).isEqualTo(1);
        for (String stage : names(passed)) {
            assertThat(PipelineRunWatch.stage(run, stage).get("status").asText()).as(stage + " in " + run).isEqualTo("PASSED");
        }
    }

    @Then("its stages {} were skipped as {string}")
    public void itsStagesWereSkipped(String skipped, String reason) {
        JsonNode run = watch.current();
        for (String stage : names(skipped)) {
            assertThat(PipelineRunWatch.stage(run, stage).get("status").asText()).isEqualTo("SKIPPED");
            assertThat(PipelineRunWatch.stage(run, stage).get("detail").asText()).isEqualTo(reason);
        }
    }

    @Then("the run's own report is kept in its work folder, saying it passed")
    public void theRunsOwnReport() throws IOException {
        Path report = Path.of(watch.current().get("report").asText());
        assertThat(report).isRegularFile();
        assertThat(report.toString()).contains("/runs/hello_world-x86/");
        JsonNode written = Api.parse(Files.readString(report));
        assertThat(written.get("passed").asBoolean()).isTrue();
        assertThat(written.get("stages")).hasSize(8);
    }

    @When("I cancel the run once its first stage has ended")
    public void cancelOnceTheFirstStageEnded() {
        watch.until(run -> run.get("stages").size() >= 1, "its first stage ended");
        Api.Answer answer = api.post("/api/runs/" + watch.runId() + "/cancel", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("cancelRequested").asBoolean()).isTrue();
    }

    @When("I cancel the run again")
    public void cancelAgain() {
        api.post("/api/runs/" + watch.runId() + "/cancel", "");
    }

    @Then("the run ends CANCELLED")
    public void theRunEndsCancelled() {
        JsonNode run = watch.ended();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("CANCELLED");
    }

    @Then("every stage after the cancel was skipped as {string}, and compare never ran")
    public void everyStageAfterTheCancelWasSkipped(String reason) {
        JsonNode run = watch.current();
        List<JsonNode> stages = new ArrayList<>();
        run.get("stages").forEach(stages::add);
        assertThat(stages).extracting(stage -> stage.get("stage").asText())
                .containsExactly("collect", "train", "store", "convert", "reference", "compile", "run", "compare");
        assertThat(stages.get(0).get("status").asText()).isEqualTo("PASSED");
        List<JsonNode> cancelled = stages.stream().filter(stage -> stage.get("detail").asText().equals(reason)).toList();
        assertThat(cancelled).isNotEmpty();
        int firstCancelled = stages.indexOf(cancelled.get(0));
        assertThat(stages.subList(firstCancelled, stages.size())).allSatisfy(stage -> {
            assertThat(stage.get("status").asText()).isEqualTo("SKIPPED");
            assertThat(stage.get("detail").asText()).isEqualTo(reason);
        });
        assertThat(stages.subList(0, firstCancelled)).allSatisfy(stage -> assertThat(stage.get("status").asText()).isEqualTo("PASSED"));
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).toList();
    }
}
