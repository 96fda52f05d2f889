package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.CostOutcome;
import io.tinymlaas.app.CostRequest;
import io.tinymlaas.app.FeasibilityRequest;
import io.tinymlaas.app.FeasibilityVerdict;
import io.tinymlaas.steps.World;
import io.tinymlaas.steps.service.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Support requests and cost estimates over the REST API, each answer held against the one the facade behind
 * `bin/tinyml feasible` and `bin/tinyml cost` gives for the same question.
 */
public class SupportServiceSteps {

    /** An answer needs at most one hello_world dry-run on the board; the limit only stops a hung job. */
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final Api api;
    private final World world;
    private String assumptions;

    public SupportServiceSteps(Api api, World world) {
        this.api = api;
        this.world = world;
    }

    @Then("the support request is answered ACCEPT with memory, outputs, latency and battery life MET, as the feasible command answers")
    public void theSupportRequestIsAnswered() {
        JsonNode question = api.last().json().get("question");
        JsonNode answer = answered("/api/support-requests/" + api.last().json().get("id").asLong());

        assertThat(answer.get("verdict").asText()).as(answer.toString()).isEqualTo("ACCEPT");
        List<String> met = new ArrayList<>();
        answer.get("checks").forEach(check -> {
            assertThat(check.get("outcome").asText()).as(check.toString()).isEqualTo("MET");
            met.add(check.get("name").asText());
        });
        assertThat(met).containsExactlyInAnyOrder("memory", "outputs", "latency", "battery life");
        FeasibilityVerdict local = world.tinyml.feasible(new FeasibilityRequest(question.get("model").asText(),
                question.get("board").asText(), question.get("latencyMs").asDouble(), null, question.get("batteryDays").asDouble(), null),
                stage -> { });
        assertThat(answer.get("checks")).hasSize(local.checks().size());
        for (int i = 0; i < local.checks().size(); i++) {
            assertThat(answer.get("checks").get(i).get("detail").asText()).isEqualTo(local.checks().get(i).detail());
        }
    }

    @Then("the cost estimate is answered with the same fleet totals, break-even fleet and summary as the cost command")
    public void theCostEstimateIsAnswered() {
        JsonNode question = api.last().json().get("question");
        JsonNode answer = answered("/api/cost-estimates/" + api.last().json().get("id").asLong());

        CostOutcome local = world.tinyml.cost(new CostRequest(question.get("example").asText(), question.get("board").asText(),
                question.get("fleet").asLong(), question.get("years").asDouble(), null, false), stage -> { });
        JsonNode estimate = answer.get("estimate");
        assertThat(estimate.get("tinyml").get("fleetTotalUsd").asDouble()).isEqualTo(local.estimate().tinyml().fleetTotalUsd());
        assertThat(estimate.get("cloud").get("fleetTotalUsd").asDouble()).isEqualTo(local.estimate().cloud().fleetTotalUsd());
        assertThat(estimate.get("breakEvenFleet").asDouble()).isEqualTo(local.estimate().breakEvenFleet());
        assertThat(estimate.get("measured").get("instructionsPerInference").asLong())
                .isEqualTo(local.estimate().measured().instructionsPerInference()).isPositive();
        assertThat(answer.get("summary").asText()).isEqualTo(local.summary());
    }

    @When("the CFO sends hello_world on the Nano with assumptions whose cloud.usd_per_gb_transferred is {double}")
    public void sendAssumptions(double price) {
        assumptions = world.tinyml.costAssumptionsTemplate().replaceFirst("(?m)^(  usd_per_gb_transferred:) *[^ #\\n]+", "$1 " + price);
        api.post("/api/cost-estimates", Map.of("example", "hello_world", "board", "arduino_nano_33_ble_sense", "assumptions", assumptions));
    }

    @Then("the message names the line of cloud.usd_per_gb_transferred in the assumptions sent")
    public void theMessageNamesTheLine() {
        int line = 1 + (int) assumptions.lines().takeWhile(text -> !text.contains("usd_per_gb_transferred")).count();
        assertThat(api.last().json().get("message").asText()).contains("line " + line + ": cloud.usd_per_gb_transferred");
    }

    private JsonNode answered(String path) {
        JsonNode enquiry = api.until(path, current -> current.get("endedAt") != null && !current.get("endedAt").isNull(), "an answer", LIMIT);
        assertThat(enquiry.get("state").asText()).as(enquiry.toString()).isEqualTo("ANSWERED");
        return enquiry.get("answer");
    }
}
