package io.tinymlaas.steps.cfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.CascadeOutcome;
import io.tinymlaas.app.CascadeRequest;
import io.tinymlaas.app.DryRunOutcome;
import io.tinymlaas.app.RunRequest;
import io.tinymlaas.cascade.CascadePoint;
import io.tinymlaas.cascade.CascadeResult;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.PerInference;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.steps.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The CFO's cascade, asked through the facade the `cascade` command calls. */
public class CascadeSteps {

    private final World world;
    private CascadeOutcome outcome;
    private TinymlException refusal;

    public CascadeSteps(World world) {
        this.world = world;
    }

    @Given("the latest dry-run of {string} on {string} ran only {int} test inputs on the board")
    public void sampledDryRun(String example, String board, int inputs) {
        DryRunOutcome sampled = world.tinyml.dryRun(RunRequest.of(example, board), inputs, stage -> { });
        assertThat(sampled.reports()).singleElement().satisfies(report -> {
            assertThat(report.passed()).isTrue();
            assertThat(report.figures().compared().inputsCompared()).isEqualTo(inputs);
        });
    }

    @Then("the board was dry-run again for the cascade")
    public void dryRunAgain() {
        assertThat(refusal).isNull();
        assertThat(outcome.measuredNow()).isTrue();
    }

    @When("the CFO sweeps the cascade of {string} on {string} over the thresholds {}")
    public void sweep(String example, String board, String thresholds) {
        List<Double> parsed = Arrays.stream(thresholds.split(",")).map(Double::valueOf).toList();
        try {
            outcome = world.tinyml.cascade(new CascadeRequest(example, board, parsed, null), stage -> { });
        } catch (TinymlException e) {
            refusal = e;
        }
    }

    @Then("the device alone is as accurate on the held-out samples as the board's latest dry-run judged its int8 model")
    public void deviceAsJudged() throws IOException {
        assertThat(refusal).isNull();
        CascadeResult result = outcome.result();
        JsonNode figures = dryRun(result).path("figures");
        assertThat(result.heldOutSamples()).isEqualTo(figures.path("samples").path("test").asInt())
                .isEqualTo(figures.path("inputs_compared").asInt());
        assertThat(figures.path("bit_identical").asBoolean()).isTrue();
        assertThat(result.measured().modelSha256()).isEqualTo(figures.path("model_sha256").asText());
        assertThat(result.deviceOnly().accuracy()).isEqualTo(figures.path("quality").get(0).path("value").asDouble());
    }

    @Then("the cloud's model is the example's recipe twice as wide, trained in float on the same data and stored with its manifest")
    public void cloudModel() throws IOException {
        CascadeResult result = outcome.result();
        JsonNode figures = dryRun(result).path("figures");
        Path cloudFile = Path.of(result.cloudModelFile());
        JsonNode manifest = ReportWriter.JSON.readTree(cloudFile.toFile());
        assertThat(manifest.path("data").path("content_sha256").asText()).isEqualTo(figures.path("data_sha256").asText());
        assertThat(manifest.path("seed").asLong()).isEqualTo(figures.path("seed").asLong());
        JsonNode deviceBlocks = ReportWriter.JSON.readTree(Path.of(figures.path("float_model_file").asText()).toFile())
                .path("recipe").path("config").path("config").path("blocks");
        JsonNode cloudBlocks = manifest.path("recipe").path("config").path("config").path("blocks");
        assertThat(cloudBlocks.size()).isEqualTo(deviceBlocks.size()).isPositive();
        for (int i = 0; i < cloudBlocks.size(); i++) {
            assertThat(cloudBlocks.get(i).path("filters").asInt()).isEqualTo(2 * deviceBlocks.get(i).path("filters").asInt());
        }
        assertThat(manifest.path("network").isObject()).isTrue();
    }

    @Then("at threshold 0 the cascade is the device alone, at 1 it answers as the cloud alone, and the share sent grows in between")
    public void ends() {
        CascadeResult result = outcome.result();
        CascadePoint first = result.sweep().get(0);
        CascadePoint last = result.sweep().get(result.sweep().size() - 1);
        assertThat(first.threshold()).isZero();
        assertThat(first.escalatedShare()).isZero();
        assertThat(first.accuracy()).isEqualTo(result.deviceOnly().accuracy());
        // an int8 softmax's largest score is 255/256 at most, so at 1 every sample goes on
        assertThat(last.threshold()).isEqualTo(1);
        assertThat(last.escalatedShare()).isEqualTo(1);
        assertThat(last.accuracy()).isEqualTo(result.cloudOnly().accuracy());
        assertThat(result.sweep()).extracting(CascadePoint::escalatedShare).isSorted();
    }

    @Then("each threshold costs the device for every inference plus the cloud for the share sent, and takes the device's time plus that share of the round trip")
    public void costAndLatency() {
        CascadeResult result = outcome.result();
        PerInference one = result.perInference();
        // the Nano: 64 MHz, 1.25 cycles per instruction; the cloud: 150 ms round trip
        assertThat(one.deviceMs()).isCloseTo(result.measured().instructionsPerInference() * 1.25 / 64e3, within(1e-9));
        assertThat(one.roundTripMs()).isEqualTo(150);
        for (CascadePoint point : result.sweep()) {
            assertThat(point.usdPerThousand()).isCloseTo(1000 * (one.deviceUsd() + point.escalatedShare() * one.cloudUsd()), within(1e-15));
            assertThat(point.latencyMs()).isCloseTo(one.deviceMs() + point.escalatedShare() * 150, within(1e-9));
        }
        assertThat(result.cloudOnly().usdPerThousand()).isCloseTo(1000 * one.cloudUsd(), within(1e-15));
        assertThat(outcome.table()).contains("device alone").contains("cloud alone").contains("cascade          0.99");
    }

    @Then("cascade.html plots accuracy against cost per 1,000 inferences with the device alone and the cloud alone marked, and cascade.json holds every figure")
    public void report() throws IOException {
        String html = Files.readString(outcome.html());
        String chart = html.substring(html.lastIndexOf("echarts.init("));
        assertThat(chart).contains("\"name\":\"cascade (labels: threshold)\"").contains("\"name\":\"device alone\"").contains("\"name\":\"cloud alone\"")
                .contains("USD per 1,000 inferences");
        JsonNode json = ReportWriter.JSON.readTree(outcome.html().resolveSibling("cascade.json").toFile());
        assertThat(json.path("sweep").size()).isEqualTo(outcome.result().sweep().size());
        assertThat(json.path("cloud_only").path("accuracy").asDouble()).isEqualTo(outcome.result().cloudOnly().accuracy());
        assertThat(json.path("sweep").get(2).path("usd_per_thousand").asDouble()).isEqualTo(outcome.result().sweep().get(2).usdPerThousand());
    }

    @Then("the cascade is refused with {string}")
    public void refused(String message) {
        assertThat(outcome).isNull();
        assertThat(refusal).isNotNull();
        assertThat(refusal.getMessage()).contains(message);
    }

    private JsonNode dryRun(CascadeResult result) throws IOException {
        return ReportWriter.JSON.readTree(world.tinyml.reportDirectory(result.example(), result.board()).resolve("report.json").toFile());
    }
}
