package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.DryRunOutcome;
import io.tinymlaas.app.RunRequest;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.steps.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class DryRunSteps {

    private final World world;
    private DryRunOutcome outcome;
    private RunReport report;
    private RunReport earlier;

    public DryRunSteps(World world) {
        this.world = world;
    }

    @When("the CTO dry-runs {string} on {string}")
    public void dryRun(String example, String target) {
        run(new RunRequest(example, List.of(target), null, null));
    }

    private void run(RunRequest request) {
        outcome = world.tinyml.dryRun(request, stage -> { });
        report = outcome.reports().get(0);
    }

    @When("the CTO dry-runs {string} on {string} on that stored data version")
    public void dryRunOnStoredData(String example, String target) {
        dryRunOnDataVersion(example, target, world.lifecycle().dataset().version());
    }

    @When("the CTO dry-runs {string} on {string} on that stored data version with seed {long}")
    public void dryRunOnStoredDataWithSeed(String example, String target, long seed) {
        earlier = report;
        run(new RunRequest(example, List.of(target), world.lifecycle().dataset().version(), seed));
    }

    @When("the CTO dry-runs {string} on {string} on that stored data version with seed {long} again")
    public void dryRunOnStoredDataWithSeedAgain(String example, String target, long seed) {
        dryRunOnStoredDataWithSeed(example, target, seed);
    }

    @Then("its train stage names seed {long}, and the model registry records seed {long} for the model it stored")
    public void seedRecorded(long named, long recorded) {
        StageResult train = report.stages().stream().filter(s -> s.name().equals("train")).findFirst().orElseThrow();
        assertThat(train.detail()).contains("seed " + named + ",");
        String modelId = report.figures().stored().modelId();
        assertThat(world.tinyml.models(null).show(modelId).model().seed()).isEqualTo(recorded);
    }

    @Then("both dry-runs stored the same float model and made the same int8 model, byte for byte")
    public void sameModel() throws Exception {
        assertThat(earlier).isNotNull();
        assertThat(report.figures().stored().floatModelSha256()).isEqualTo(earlier.figures().stored().floatModelSha256());
        assertThat(report.figures().stored().modelId()).isEqualTo(earlier.figures().stored().modelId());
        assertThat(report.figures().conversion().modelSha256()).isEqualTo(earlier.figures().conversion().modelSha256());
        assertThat(Files.readAllBytes(Path.of(report.figures().conversion().modelFile())))
                .isEqualTo(Files.readAllBytes(Path.of(earlier.figures().conversion().modelFile())));
        assertThat(report.figures().workDirectory()).isNotEqualTo(earlier.figures().workDirectory());
    }

    @When("the CTO dry-runs {string} on {string} on the data version {string}")
    public void dryRunOnDataVersion(String example, String target, String version) {
        run(new RunRequest(example, List.of(target), version, null));
    }

    @Then("its report names that data version and content hash, and its collect stage says it used the stored version")
    public void reportNamesDataVersion() {
        StoredDataset stored = world.lifecycle().dataset();
        assertThat(report.figures().data().dataVersion()).isEqualTo(stored.version());
        assertThat(report.figures().data().dataSha256()).isEqualTo(stored.contentHash());
        assertThat(report.stages().get(0).detail()).startsWith("stored version " + stored.version() + ": ");
    }

    @Then("the dry-run fails at {string} saying {string}")
    public void failsAt(String stage, String message) {
        assertThat(report.passed()).isFalse();
        StageResult failed = report.stages().stream().filter(s -> s.status() == StageResult.Status.FAILED).findFirst().orElseThrow();
        assertThat(failed.name()).isEqualTo(stage);
        assertThat(failed.detail()).contains(message);
    }

    @Then("the dry-run passes every stage")
    public void passesEveryStage() {
        assertThat(report.stages()).extracting(StageResult::name).containsExactlyElementsOf(Tinyml.DRY_RUN_STAGES);
        assertThat(report.stages()).allSatisfy(stage -> assertThat(stage.status())
                .as(stage.name() + ": " + stage.detail()).isEqualTo(StageResult.Status.PASSED));
        assertThat(report.passed()).isTrue();
    }

    @Then("its report shows {int} LSB difference to the reference interpreter")
    public void reportShowsDifference(int lsb) throws Exception {
        Path json = outcome.file();
        JsonNode written = ReportWriter.JSON.readTree(json.toFile());
        assertThat(written.get("passed").asBoolean()).isTrue();
        assertThat(written.get("figures").get("max_abs_diff_lsb").asInt()).isEqualTo(lsb);
        assertThat(written.get("figures").get("inputs_compared").asInt()).isGreaterThanOrEqualTo(1000);
        assertThat(written.get("figures").get("data_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.resolveSibling("report.html")).content().contains("PASSED")
                .contains("Training loss per epoch").contains("Outputs on the test split against sin(x)");
    }
}
