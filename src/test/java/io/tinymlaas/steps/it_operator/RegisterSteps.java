package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.steps.service.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Registering devices and toolchains through the REST API, and what the registry then answers. */
public class RegisterSteps {

    private final Api api;
    private JsonNode toolchain;
    private List<String> listed = List.of();

    public RegisterSteps(Api api) {
        this.api = api;
    }

    @When("I register the device {string} on board {string} reached by {string} at {string} tagged {string}")
    public void registerWithLocationAndTags(String name, String board, String transport, String location, String tags) {
        register(Map.of("name", name, "board", board, "transport", transport, "location", location,
                "tags", Arrays.stream(tags.split(",")).map(String::strip).toList()));
    }

    @When("I register the device {string} on board {string} reached by {string} on port {string}")
    public void registerOnAPort(String name, String board, String transport, String port) {
        register(Map.of("name", name, "board", board, "transport", transport, "port", port));
    }

    @Given("the device {string} on board {string} reached by {string} is registered")
    public void aRegisteredDevice(String name, String board, String transport) {
        register(name, board, transport);
        assertThat(api.last().status()).as(api.last().body()).isEqualTo(201);
    }

    @When("I register the device {string} on board {string} reached by {string}")
    public void register(String name, String board, String transport) {
        register(Map.of("name", name, "board", board, "transport", transport));
    }

    private void register(Map<String, Object> body) {
        api.post("/api/devices", new HashMap<>(body));
    }

    @When("I list the devices")
    public void listTheDevices() {
        api.get("/api/devices");
    }

    @Then("the device {string} is listed as {word} on {string} at {string} tagged {string}")
    public void theDeviceIsListed(String name, String status, String board, String location, String tags) {
        JsonNode device = listed(name);
        assertThat(device.get("status").asText()).isEqualTo(status);
        assertThat(device.get("board").asText()).isEqualTo(board);
        assertThat(device.get("transport").asText()).isEqualTo("emulator");
        assertThat(device.get("location").asText()).isEqualTo(location);
        assertThat(texts(device.get("tags"))).containsExactly(Arrays.stream(tags.split(",")).map(String::strip).toArray(String[]::new));
        assertThat(device.get("registeredAt").asText()).isNotBlank();
        assertThat(api.get("/api/devices/" + device.get("id").asLong()).json().get("name").asText()).isEqualTo(name);
    }

    @Then("the device {string} is reached over {string} on port {string}")
    public void theDeviceIsReachedOver(String name, String transport, String port) {
        JsonNode device = listed(name);
        assertThat(device.get("transport").asText()).isEqualTo(transport);
        assertThat(device.get("port").asText()).isEqualTo(port);
    }

    @Then("the device {string} is still on board {string}")
    public void theDeviceIsStillOn(String name, String board) {
        assertThat(listed(name).get("board").asText()).isEqualTo(board);
    }

    @Then("the device {string} is listed with exactly that name")
    public void theDeviceIsListedWithExactlyThatName(String name) {
        assertThat(listed(name).get("name").asText()).isEqualTo(name);
    }

    @Then("the device list still answers 200")
    public void theDeviceListStillAnswers() {
        assertThat(api.get("/api/devices").status()).isEqualTo(200);
    }

    private JsonNode listed(String name) {
        Api.Answer answer = api.get("/api/devices");
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> matching = StreamSupport.stream(answer.json().spliterator(), false)
                .filter(device -> device.get("name").asText().equals(name)).toList();
        assertThat(matching).as("devices named %s", name).hasSize(1);
        return matching.get(0);
    }

    @When("I list the toolchains")
    public void listTheToolchains() {
        api.get("/api/toolchains");
    }

    @Then("the toolchains {string}, {string} and {string} are listed")
    public void theToolchainsAreListed(String first, String second, String third) {
        assertThat(api.last().status()).isEqualTo(200);
        assertThat(StreamSupport.stream(api.last().json().spliterator(), false).map(t -> t.get("name").asText()))
                .contains(first, second, third);
        listed = List.of(first, second, third);
    }

    @Then("each is installed with a version, or not installed with a reason saying how to install it")
    public void eachIsInstalledOrSaysWhy() {
        // other scenarios of the same run may have registered toolchains of their own, e.g. one that is missing
        for (JsonNode each : StreamSupport.stream(api.last().json().spliterator(), false)
                .filter(toolchain -> listed.contains(toolchain.get("name").asText())).toList()) {
            if (each.get("installed").asBoolean()) {
                assertThat(each.get("version").asText()).as(each.toString()).isNotBlank();
            } else {
                assertThat(each.get("reason").asText()).as(each.toString()).containsAnyOf("apt-get install", "bin/setup");
            }
            assertThat(each.get("targets")).as(each.toString()).isNotEmpty();
        }
    }

    @Then("{string} is installed")
    public void isInstalled(String name) {
        JsonNode named = StreamSupport.stream(api.last().json().spliterator(), false)
                .filter(t -> t.get("name").asText().equals(name)).findFirst().orElseThrow();
        assertThat(named.get("installed").asBoolean()).as(named.toString()).isTrue();
    }

    @When("I register the toolchain {string} of kind {string} run by {string}")
    public void registerTheToolchain(String name, String kind, String command) {
        toolchain = api.post("/api/toolchains", Map.of("name", name, "kind", kind, "command", command)).json();
    }

    @Then("the toolchain is installed with a version starting {string}")
    public void theToolchainIsInstalled(String versionStart) {
        JsonNode current = api.last().json();
        assertThat(current.get("installed").asBoolean()).as(current.toString()).isTrue();
        assertThat(current.get("version").asText()).startsWith(versionStart);
    }

    @Then("the toolchain is not installed, with a reason naming {string}")
    public void theToolchainIsNotInstalled(String named) {
        assertThat(toolchain.get("installed").asBoolean()).isFalse();
        assertThat(toolchain.get("reason").asText()).contains(named);
        assertThat(toolchain.get("version").isNull()).isTrue();
    }

    @When("I check the toolchain {string} again")
    public void checkTheToolchainAgain(String name) {
        JsonNode named = StreamSupport.stream(api.get("/api/toolchains").json().spliterator(), false)
                .filter(t -> t.get("name").asText().equals(name)).findFirst().orElseThrow();
        api.post("/api/toolchains/" + named.get("id").asLong() + "/check", "");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
