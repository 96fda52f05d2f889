package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.lifecycle.DryRun;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.steps.World;
import java.nio.file.Files;
import java.nio.file.Path;

public class DryRunSteps {

    private final World world;
    private DryRun dryRun;
    private RunReport report;
    private RunReport earlier;

    public DryRunSteps(World world) {
        this.world = world;
    }

    @When("the CTO dry-runs {string} on {string}")
    public void dryRun(String example, String target) {
        dryRun = new DryRun(world.layout, stage -> { });
        report = dryRun.run(example, target);
    }

    @When("the CTO dry-runs {string} on {string} on that stored data version")
    public void dryRunOnStoredData(String example, String target) {
        dryRunOnDataVersion(example, target, world.lifecycle().dataset().version());
    }

    @When("the CTO dry-runs {string} on {string} on that stored data version with seed {long}")
    public void dryRunOnStoredDataWithSeed(String example, String target, long seed) {
        earlier = report;
        dryRun = new DryRun(world.layout, stage -> { }).onStoredData(world.lifecycle().dataset().version()).withSeed(seed);
        report = dryRun.run(example, target);
    }

    @When("the CTO dry-runs {string} on {string} on that stored data version with seed {long} again")
    public void dryRunOnStoredDataWithSeedAgain(String example, String target, long seed) {
        dryRunOnStoredDataWithSeed(example, target, seed);
    }

    @Then("its train stage names seed {long}, and the model registry records seed {long} for the model it stored")
    public void seedRecorded(long named, long recorded) {
        StageResult train = report.stages().stream().filter(s -> s.name().equals("train")).findFirst().orElseThrow();
        assertThat(train.detail()).contains("seed " + named + ",");
        String modelId = report.figures().get("model_id").toString();
        assertThat(new ModelRegistry(world.layout.models()).get(modelId).seed()).isEqualTo(recorded);
    }

    @Then("both dry-runs stored the same float model and made the same int8 model, byte for byte")
    public void sameModel() throws Exception {
        assertThat(earlier).isNotNull();
        assertThat(report.figures().get("float_model_sha256")).isEqualTo(earlier.figures().get("float_model_sha256"));
        assertThat(report.figures().get("model_id")).isEqualTo(earlier.figures().get("model_id"));
        assertThat(report.figures().get("model_sha256")).isEqualTo(earlier.figures().get("model_sha256"));
        assertThat(Files.readAllBytes(Path.of(report.figures().get("model_file").toString())))
                .isEqualTo(Files.readAllBytes(Path.of(earlier.figures().get("model_file").toString())));
        assertThat(report.figures().get("work_directory")).isNotEqualTo(earlier.figures().get("work_directory"));
    }

    @When("the CTO dry-runs {string} on {string} on the data version {string}")
    public void dryRunOnDataVersion(String example, String target, String version) {
        dryRun = new DryRun(world.layout, stage -> { }).onStoredData(version);
        report = dryRun.run(example, target);
    }

    @Then("its report names that data version and content hash, and its collect stage says it used the stored version")
    public void reportNamesDataVersion() {
        StoredDataset stored = world.lifecycle().dataset();
        assertThat(report.figures()).containsEntry("data_version", stored.version()).containsEntry("data_sha256", stored.contentHash());
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
        assertThat(report.stages()).extracting(StageResult::name).containsExactlyElementsOf(DryRun.STAGES);
        assertThat(report.stages()).allSatisfy(stage -> assertThat(stage.status())
                .as(stage.name() + ": " + stage.detail()).isEqualTo(StageResult.Status.PASSED));
        assertThat(report.passed()).isTrue();
    }

    @Then("its report shows {int} LSB difference to the reference interpreter")
    public void reportShowsDifference(int lsb) throws Exception {
        Path json = dryRun.reportDirectory(report.example(), report.target()).resolve("report.json");
        JsonNode written = ReportWriter.JSON.readTree(json.toFile());
        assertThat(written.get("passed").asBoolean()).isTrue();
        assertThat(written.get("figures").get("max_abs_diff_lsb").asInt()).isEqualTo(lsb);
        assertThat(written.get("figures").get("inputs_compared").asInt()).isGreaterThanOrEqualTo(1000);
        assertThat(written.get("figures").get("data_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.resolveSibling("report.html")).content().contains("PASSED");
    }
}
