package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.steps.WideDenseModel;
import io.tinymlaas.steps.World;
import io.tinymlaas.steps.service.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.StreamSupport;

/** Registering model files through the REST API. */
public class ModelRegistrationSteps {

    private final Api api;
    private final World world;
    private byte[] file;

    public ModelRegistrationSteps(Api api, World world) {
        this.api = api;
        this.world = world;
    }

    @When("I register the .tflite file of an int8 dense model with {int} inputs and {int} hidden units as {string}")
    public void registerADenseModel(int inputs, int hidden, String name) throws IOException {
        file = Files.readAllBytes(WideDenseModel.write(world.layout.output().resolve("acceptance"), inputs, hidden));
        api.postBytes("/api/models?name=" + name, file);
    }

    @When("I register the bytes {string} as the model {string}")
    public void registerBytes(String bytes, String name) {
        api.postBytes("/api/models?name=" + name, bytes.getBytes(StandardCharsets.UTF_8));
    }

    @Then("the model {string} is listed with the file's SHA-256 and size, and nothing about data or training")
    public void theModelIsListed(String name) {
        JsonNode model = StreamSupport.stream(api.get("/api/models").json().spliterator(), false)
                .filter(m -> m.get("id").asText().startsWith(name + "-")).findFirst().orElseThrow();
        assertThat(model.get("id").asText()).isEqualTo(name + "-" + Hashes.sha256(file).substring(0, 12));
        assertThat(model.get("int8Sha256").asText()).isEqualTo(Hashes.sha256(file));
        assertThat(model.get("int8Bytes").asInt()).isEqualTo(file.length);
        assertThat(model.get("example").asText()).isEqualTo("imported");
        assertThat(model.get("dataVersion").isNull()).isTrue();
        assertThat(model.get("training").isEmpty()).isTrue();
        assertThat(model.get("qualityPassed").asBoolean()).isFalse();
    }

    @Then("no model named {string} is listed")
    public void noModelNamed(String name) {
        assertThat(StreamSupport.stream(api.get("/api/models").json().spliterator(), false).map(m -> m.get("id").asText()))
                .noneMatch(id -> id.startsWith(name + "-"));
    }
}
