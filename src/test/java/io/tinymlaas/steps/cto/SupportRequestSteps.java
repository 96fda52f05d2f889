package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.FeasibilityRequest;
import io.tinymlaas.app.FeasibilityVerdict;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.steps.World;
import io.tinymlaas.steps.WideDenseModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Support requests, judged through the facade the `feasible` command calls. */
public class SupportRequestSteps {

    private final World world;
    private Path file;
    private FeasibilityVerdict verdict;
    private InvalidInputException refusal;

    public SupportRequestSteps(World world) {
        this.world = world;
    }

    @Given("an int8 dense model with {int} inputs and {int} hidden units as a .tflite file")
    public void aWideModel(int inputs, int hidden) throws IOException {
        file = WideDenseModel.write(world.layout.output().resolve("acceptance"), inputs, hidden);
    }

    @When("support asks whether {string} runs on {string} within {double} ms and {double} battery days")
    public void ask(String model, String board, double latencyMs, double batteryDays) {
        judge(new FeasibilityRequest(model, board, latencyMs, null, batteryDays, null));
    }

    @When("support asks whether that file runs on {string}")
    public void askAboutTheFile(String board) {
        judge(new FeasibilityRequest(file.toString(), board, null, null, null, null));
    }

    @When("support asks whether {string} runs on {string} with an accuracy of {double}")
    public void askForAccuracy(String model, String board, double accuracy) {
        judge(new FeasibilityRequest(model, board, null, accuracy, null, null));
    }

    private void judge(FeasibilityRequest request) {
        try {
            verdict = world.tinyml.feasible(request, stage -> { });
        } catch (InvalidInputException e) {
            refusal = e;
        }
    }

    @Then("the verdict is ACCEPT")
    public void accepted() {
        assertThat(verdict.verdict()).as(verdict.checks().toString()).isEqualTo("ACCEPT");
        assertThat(verdict.accepted()).isTrue();
    }

    @Then("the verdict is REJECT")
    public void rejected() {
        assertThat(verdict.verdict()).as(verdict.checks().toString()).isEqualTo("REJECT");
    }

    @Then("the checks memory, outputs, latency and battery life are MET")
    public void everyCheckMet() {
        assertThat(verdict.checks()).extracting(FeasibilityVerdict.Check::name)
                .containsExactlyInAnyOrder("memory", "outputs", "latency", "battery life");
        assertThat(verdict.checks()).allSatisfy(check -> assertThat(check.outcome()).isEqualTo(FeasibilityVerdict.Outcome.MET));
    }

    @Then("the latency check says how long an inference takes at {int} MHz and the limit of {int} ms")
    public void latencyDetail(int mhz, int limit) {
        assertThat(check("latency").detail()).containsPattern("^\\d+\\.\\d{3} ms per inference at " + mhz + " MHz \\([\\d,]+ instructions × 1.25 cycles\\), limit " + limit + " ms$");
    }

    @Then("the {} check is {word}, saying {string}")
    public void theCheckSays(String name, String outcome, String text) {
        assertThat(check(name).outcome()).isEqualTo(FeasibilityVerdict.Outcome.valueOf(outcome));
        assertThat(check(name).detail()).contains(text);
    }

    @Then("the latency check is NOT_MET, saying {string} and {string}")
    public void latencyNotMet(String first, String second) {
        theCheckSays("latency", "NOT_MET", first);
        assertThat(check("latency").detail()).contains(second);
    }

    @Then("the request is refused as bad input naming {string}")
    public void refused(String message) {
        assertThat(verdict).isNull();
        assertThat(refusal).hasMessage(message);
    }

    private FeasibilityVerdict.Check check(String name) {
        return verdict.checks().stream().filter(check -> check.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " check in " + Arrays.toString(verdict.checks().toArray())));
    }
}
