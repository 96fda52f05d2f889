package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.steps.service.Api;
import io.tinymlaas.steps.service.PipelineRunWatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lineage of stored models as the service's registry gives it. */
public class StoreModelsSteps {

    private final Api api;
    private final PipelineRunWatch watch;
    private JsonNode model;

    public StoreModelsSteps(Api api, PipelineRunWatch watch) {
        this.api = api;
        this.watch = watch;
    }

    @Then("the run names the model it stored")
    public void theRunNamesTheModel() {
        JsonNode run = watch.ended();
        assertThat(run.get("modelId").asText()).startsWith("hello_world-");
        Api.Answer answer = api.get("/api/models/" + run.get("modelId").asText());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        model = answer.json();
    }

    @Then("that model's lineage in the registry gives the data set version and hash, the training seed, epochs and loss, the int8 .tflite hash and its quality goals")
    public void theLineage() {
        assertThat(model.get("example").asText()).isEqualTo("hello_world");
        assertThat(model.get("dataName").asText()).isNotBlank();
        assertThat(model.get("dataVersion").asText()).hasSize(12);
        assertThat(model.get("dataSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(model.get("modelSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(model.get("seed").isNumber()).isTrue();
        assertThat(model.get("training").size()).as(model.get("training").toString()).isPositive();
        assertThat(model.get("int8Sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(model.get("int8Bytes").asInt()).isPositive();
        assertThat(model.get("quality")).isNotEmpty();
        assertThat(model.get("qualityPassed").asBoolean()).isTrue();
    }

    @Then("the model's firmware for {string} has the .tflite hash, flash and RAM bytes, and is bit-identical to the reference interpreter")
    public void theFirmware(String target) {
        JsonNode firmware = null;
        for (JsonNode build : model.get("firmware")) {
            if (build.get("board").asText().equals(target)) {
                firmware = build;
            }
        }
        assertThat(firmware).as("firmware for %s in %s", target, model).isNotNull();
        assertThat(firmware.get("tfliteSha256").asText()).isEqualTo(model.get("int8Sha256").asText());
        assertThat(firmware.get("flashBytes").asLong()).isPositive();
        assertThat(firmware.get("ramBytes").asLong()).isPositive();
        assertThat(firmware.get("bitIdentical").asBoolean()).isTrue();
        assertThat(firmware.get("runId").asLong()).isEqualTo(watch.runId());
    }

    @Then("the data set version it was trained on is listed with the same content hash")
    public void theDataSetVersionIsListed() {
        Api.Answer answer = api.get("/api/datasets/" + model.get("dataName").asText() + "/" + model.get("dataVersion").asText());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("contentSha256").asText()).isEqualTo(model.get("dataSha256").asText());
        assertThat(answer.json().get("samples").asInt()).isPositive();
    }

    @When("I import the file stores into the registry")
    public void importTheFileStores() {
        api.post("/api/models/import", "");
    }

    @Then("every model in the project's file registry is listed by the service with the same hashes")
    public void everyFileModelIsListed() {
        Map<String, String> listed = new HashMap<>();
        api.get("/api/models").json().forEach(m -> listed.put(m.get("id").asText(), m.get("modelSha256").asText()));
        List<RegisteredModel> files = Tinyml.forThisProject().models(null).list();
        assertThat(files).isNotEmpty();
        for (RegisteredModel file : files) {
            assertThat(listed).containsEntry(file.id(), file.modelSha256());
        }
    }

    @Then("importing again brings in nothing new")
    public void importingAgainBringsNothing() {
        Api.Answer again = api.post("/api/models/import", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("imported").asInt()).isZero();
    }
}
