package io.tinymlaas.steps.cfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.CostOutcome;
import io.tinymlaas.app.CostRequest;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostEstimate;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.steps.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CFO's questions, asked through the facade the `cost` command calls. */
public class CostSteps {

    private final World world;
    private Path assumptions;
    private CostOutcome outcome;
    private TinymlException refusal;

    public CostSteps(World world) {
        this.world = world;
    }

    @Given("the CFO's assumptions file says each device classifies {int} times a day")
    public void inferencesPerDay(int perDay) throws IOException {
        assumptions = edited("inferences_per_day", String.valueOf(perDay));
    }

    @Given("the CFO's assumptions file gives cloud.usd_per_gb_transferred as {double}")
    public void pricePerGb(double price) throws IOException {
        assumptions = edited("usd_per_gb_transferred", String.valueOf(price));
    }

    private Path edited(String parameter, String value) throws IOException {
        Path file = world.layout.output().resolve("acceptance").resolve("cost-" + System.nanoTime() + ".yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, world.tinyml.costAssumptionsTemplate()
                .replaceFirst("(?m)^(  " + parameter + ":) *[^ #\\n]+", "$1 " + value));
    }

    @When("the CFO asks what {string} costs on {string} for {long} devices over {int} years")
    public void ask(String example, String board, long fleet, int years) {
        askWith(example, board, fleet, years, null);
    }

    @When("the CFO asks what {string} costs on {string} for {long} devices over {int} years with that file")
    public void askWithThatFile(String example, String board, long fleet, int years) {
        askWith(example, board, fleet, years, assumptions);
    }

    private void askWith(String example, String board, long fleet, int years, Path file) {
        try {
            outcome = world.tinyml.cost(new CostRequest(example, board, fleet, years, file, false), stage -> { });
        } catch (TinymlException e) {
            refusal = e;
        }
    }

    @Then("the estimate rests on the instructions per inference measured by the board's latest dry-run")
    public void restsOnTheMeasuredInstructions() throws IOException {
        assertThat(refusal).isNull();
        CostEstimate estimate = outcome.estimate();
        JsonNode report = ReportWriter.JSON.readTree(world.tinyml.reportDirectory(estimate.example(), estimate.board())
                .resolve("report.json").toFile());
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(estimate.measured().instructionsPerInference()).isEqualTo(report.path("figures").path("instructions_per_inference").asLong())
                .isPositive();
        assertThat(estimate.measured().modelSha256()).isEqualTo(report.path("figures").path("model_sha256").asText());
        assertThat(estimate.measured().ranOn()).startsWith("qemu mps2-an386");
        assertThat(outcome.summary()).contains(String.format("%,d instructions per inference", estimate.measured().instructionsPerInference()));
    }

    @Then("TinyML answers in the measured instructions × {double} cycles at the board's {int} MHz, the cloud in {int} ms")
    public void latencies(double cyclesPerInstruction, int mhz, int cloudMs) {
        CostEstimate estimate = outcome.estimate();
        assertThat(estimate.tinyml().latencyMs())
                .isCloseTo(estimate.measured().instructionsPerInference() * cyclesPerInstruction / (mhz * 1e3), within(1e-9));
        assertThat(estimate.cloud().latencyMs()).isEqualTo(cloudMs);
    }

    @Then("TinyML is cheaper above a break-even fleet where both totals are equal")
    public void breakEven() {
        CostEstimate estimate = outcome.estimate();
        double n = estimate.breakEvenFleet();
        double tinymlPerDevice = (estimate.tinyml().fleetTotalUsd() - estimate.assumptions().tinymlEngineeringUsdPerModel()) / estimate.fleet();
        double cloudPerDevice = (estimate.cloud().fleetTotalUsd() - estimate.assumptions().cloudEngineeringUsd()) / estimate.fleet();
        assertThat(estimate.assumptions().tinymlEngineeringUsdPerModel() + n * tinymlPerDevice)
                .isCloseTo(estimate.assumptions().cloudEngineeringUsd() + n * cloudPerDevice, within(1e-6));
        assertThat(estimate.verdict()).startsWith("TinyML is cheaper above " + (long) Math.ceil(n) + " devices over 3 years");
        assertThat(outcome.summary()).contains(estimate.verdict());
    }

    @Then("cost.html plots both totals against fleet size with the break-even marked, and cost.json holds every figure")
    public void theReport() throws IOException {
        String html = Files.readString(outcome.html());
        assertThat(html).contains("<script>");
        String chart = html.substring(html.lastIndexOf("echarts.init("));
        assertThat(chart).contains("\"name\":\"TinyML\"").contains("\"name\":\"cloud\"")
                .contains("\"markLine\"").contains("break-even: ");
        JsonNode json = ReportWriter.JSON.readTree(outcome.html().resolveSibling("cost.json").toFile());
        assertThat(json.path("break_even_fleet").asDouble()).isEqualTo(outcome.estimate().breakEvenFleet());
        assertThat(json.path("curve").size()).isEqualTo(outcome.estimate().curve().size()).isGreaterThan(10);
        assertThat(json.path("tinyml").path("fleet_total_usd").asDouble()).isEqualTo(outcome.estimate().tinyml().fleetTotalUsd());
    }

    @Then("the verdict is {string}")
    public void theVerdictIs(String verdict) {
        assertThat(refusal).isNull();
        assertThat(outcome.estimate().verdict()).isEqualTo(verdict);
    }

    @Then("the request is refused with {string}")
    public void refusedWith(String message) {
        assertThat(outcome).isNull();
        assertThat(refusal).isNotNull();
        assertThat(refusal.getMessage()).contains(message);
    }

    @Then("the request is refused with {string} and its line")
    public void refusedWithItsLine(String message) throws IOException {
        refusedWith(message);
        int line = 1 + (int) Files.readString(assumptions).lines().takeWhile(text -> !text.contains("usd_per_gb_transferred")).count();
        assertThat(refusal.getMessage()).contains("line " + line + ": " + message);
    }
}
