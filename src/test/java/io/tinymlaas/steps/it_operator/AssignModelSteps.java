package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.steps.WideDenseModel;
import io.tinymlaas.steps.World;
import io.tinymlaas.steps.service.Api;
import io.tinymlaas.steps.service.PipelineRunWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Assigning models to devices through the REST API: rollouts, verification, rollback, the error threshold. */
public class AssignModelSteps {

    private final Api api;
    private final PipelineRunWatch watch;
    private final World world;
    private final Map<String, String> firmwareBeforeUpdate = new HashMap<>();
    private JsonNode rollout;
    private Api.Answer queued;

    public AssignModelSteps(Api api, PipelineRunWatch watch, World world) {
        this.api = api;
        this.watch = watch;
        this.world = world;
    }

    @Given("hello_world models trained by pipelines from seeds {long} and {long} are in the registry")
    public void modelsFromSeeds(long first, long second) {
        for (long seed : List.of(first, second)) {
            api.service.models.computeIfAbsent("seed " + seed, key -> judgedModel(seed));
        }
    }

    @Given("a hello_world model trained by a pipeline from seed {long} is in the registry")
    public void modelFromSeed(long seed) {
        api.service.models.computeIfAbsent("seed " + seed, key -> judgedModel(seed));
    }

    /** A judged hello_world model of this seed the registry already holds (its int8 file still there), else one trained now. */
    private String judgedModel(long seed) {
        for (JsonNode model : api.get("/api/models").json()) {
            if (model.get("example").asText().equals("hello_world") && model.get("seed").asLong() == seed
                    && model.get("qualityPassed").asBoolean() && Files.isRegularFile(Path.of(model.get("int8File").asText()))) {
                return model.get("id").asText();
            }
        }
        String name = "hello_world seed " + seed + " for assignments";
        watch.compose(name, Map.of("name", name, "example", "hello_world", "target", "x86", "lastStage", "reference", "seed", seed));
        watch.run(name);
        JsonNode run = watch.ended();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("PASSED");
        return run.get("modelId").asText();
    }

    @Given("the devices {string}, {string} and {string} on board {string} reached by {string} are registered")
    public void threeDevices(String first, String second, String third, String board, String transport) {
        for (String name : List.of(first, second, third)) {
            Api.Answer answer = api.post("/api/devices", Map.of("name", name, "board", board, "transport", transport));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
    }

    @Given("an int8 dense model with {int} inputs and {int} hidden units is registered as {string}")
    public void aRegisteredDenseModel(int inputs, int hidden, String name) throws IOException {
        Path file = WideDenseModel.write(world.layout.output().resolve("acceptance"), inputs, hidden);
        Api.Answer answer = api.postBytes("/api/models?name=" + name, Files.readAllBytes(file));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("int8Bytes").asLong()).isEqualTo(Files.size(file));
        api.service.models.put(name, answer.json().get("id").asText());
    }

    @When("I assign the model of seed {long} to {string}")
    public void assignBySeed(long seed, String device) {
        assign(model("seed " + seed), List.of(device), Map.of());
    }

    @When("I assign the model {string} to {string}")
    public void assignByName(String name, String device) {
        assign(model(name), List.of(device), Map.of());
    }

    @Given("the model of seed {long} has been assigned to {string}")
    public void assigned(long seed, String device) {
        assignBySeed(seed, device);
        assertThat(deviceUpdate(device).get("status").asText()).as(rollout.toString()).isEqualTo("VERIFIED");
        firmwareBeforeUpdate.put(device, device(device).get("firmwareSha256").asText());
    }

    @When("I assign the model of seed {long} to {string}, {string} and {string} in groups of {int} with an error threshold of {double}")
    public void assignInGroups(long seed, String first, String second, String third, int groupSize, double threshold) {
        assign(model("seed " + seed), List.of(first, second, third), Map.of("groupSize", groupSize, "errorThreshold", threshold));
    }

    @When("I assign the model of seed {long} to {string}, {string} and {string} in groups of {int} and cancel the rollout at once")
    public void assignAndCancel(long seed, String first, String second, String third, int groupSize) {
        Map<String, Object> body = Map.of("modelId", model("seed " + seed), "groupSize", groupSize,
                "devices", Stream.of(first, second, third).map(name -> device(name).get("id").asLong()).toList());
        queued = api.post("/api/rollouts", body);
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        long id = queued.json().get("id").asLong();
        Api.Answer cancelled = api.post("/api/rollouts/" + id + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isIn("CANCELLED", "CANCELLING");
        rollout = ended(id);
    }

    @Then("the rollout is CANCELLED by the first operator, with {string} SKIPPED as not tried")
    public void theRolloutIsCancelled(String device) {
        assertThat(rollout.get("status").asText()).as(rollout.toString()).isEqualTo("CANCELLED");
        assertThat(rollout.get("detail").asText()).startsWith("cancelled by first operator");
        assertThat(deviceUpdate(device).get("status").asText()).isEqualTo("SKIPPED");
        assertThat(deviceUpdate(device).get("detail").asText()).isEqualTo("not tried: the rollout was cancelled"
                + (rollout.get("detail").asText().contains("before it started") ? " by first operator" : ""));
    }

    @Then("every device of the rollout is VERIFIED or SKIPPED, and each SKIPPED one is still REGISTERED with no model")
    public void everyDeviceVerifiedOrSkipped() {
        for (JsonNode update : rollout.get("devices")) {
            assertThat(update.get("status").asText()).as(rollout.toString()).isIn("VERIFIED", "SKIPPED");
            if (update.get("status").asText().equals("SKIPPED")) {
                stillRegistered(update.get("deviceName").asText());
            }
        }
    }

    @Then("cancelling the rollout again is refused with 409 saying it has ended")
    public void cancellingAgainIsRefused() {
        Api.Answer again = api.post("/api/rollouts/" + rollout.get("id").asLong() + "/cancel", Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).startsWith("rollout " + rollout.get("id").asLong() + " has already ended: CANCELLED");
    }

    @When("I assign the model of seed {long} with {}")
    public void assignWithFields(long seed, String fields) {
        api.post("/api/rollouts", "{\"modelId\":\"" + model("seed " + seed) + "\"," + fields + "}");
    }

    private void assign(String modelId, List<String> deviceNames, Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(options);
        body.put("modelId", modelId);
        body.put("devices", deviceNames.stream().map(name -> device(name).get("id").asLong()).toList());
        queued = api.post("/api/rollouts", body);
        rollout = queued.json();
        if (queued.status() == 202) {
            rollout = ended(rollout.get("id").asLong());
        }
    }

    @Then("the answer is 202 and the rollout is queued as a job")
    public void theRolloutIsQueued() {
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.json().get("status").asText()).isIn("QUEUED", "RUNNING");
        assertThat(queued.json().get("devices")).allSatisfy(device -> assertThat(device.get("status").asText()).isIn("PENDING",
                "VERIFIED", "ROLLED_BACK", "REFUSED", "FAILED", "SKIPPED"));
    }

    /** Polls the rollout until it has ended; a few devices take seconds each, the limit only stops a hung rollout. */
    private JsonNode ended(long id) {
        return api.until("/api/rollouts/" + id, current -> List.of("COMPLETED", "STOPPED", "CANCELLED").contains(current.get("status").asText()),
                "ended", Duration.ofMinutes(10));
    }

    @Given("the next flash of {string} is set to be interrupted midway")
    public void interruptTheNextFlash(String device) {
        Api.Answer answer = api.post("/api/devices/" + device(device).get("id").asLong() + "/fault", Map.of("fault", "flash-interrupted"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("simulatedFault").asText()).isEqualTo("flash-interrupted");
    }

    @Then("the rollout COMPLETED with {string} VERIFIED: its HELLO names the model and its test inferences are bit-identical")
    public void completedAndVerified(String device) {
        assertThat(rollout.get("status").asText()).as(rollout.toString()).isEqualTo("COMPLETED");
        JsonNode update = deviceUpdate(device);
        assertThat(update.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(update.get("detail").asText()).startsWith("HELLO names model ")
                .endsWith("3 test inferences bit-identical to the reference interpreter");
    }

    @Then("the device {string} is ONLINE running the model of seed {long}, with the flashed firmware's hash")
    public void onlineRunning(String name, long seed) {
        JsonNode device = device(name);
        assertThat(device.get("status").asText()).as(device.toString()).isEqualTo("ONLINE");
        assertThat(device.get("modelId").asText()).isEqualTo(model("seed " + seed));
        assertThat(device.get("firmwareSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(device.get("lastSeen").isNull()).isFalse();
        if (firmwareBeforeUpdate.containsKey(name)) {
            assertThat(device.get("firmwareSha256").asText()).as("the firmware it ran before the failed update")
                    .isEqualTo(firmwareBeforeUpdate.get(name));
        }
    }

    @Then("the rollout has {string} ROLLED_BACK, saying verification failed and that it rolled back to the model of seed {long}")
    public void rolledBack(String device, long seed) {
        JsonNode update = deviceUpdate(device);
        assertThat(update.get("status").asText()).as(rollout.toString()).isEqualTo("ROLLED_BACK");
        assertThat(update.get("detail").asText()).startsWith("verification failed: ")
                .contains("rolled back to model " + model("seed " + seed) + ": HELLO names model ");
    }

    @Then("the device {string} has no fault left to show")
    public void noFaultLeft(String device) {
        assertThat(device(device).get("simulatedFault").isNull()).isTrue();
    }

    @Then("the rollout STOPPED after group {int}, saying {int} of {int} devices failed")
    public void stopped(int group, int failed, int tried) {
        assertThat(rollout.get("status").asText()).as(rollout.toString()).isEqualTo("STOPPED");
        assertThat(rollout.get("detail").asText()).startsWith("stopped after group " + group + ": " + failed + " of " + tried
                + " devices failed, over the threshold of ");
    }

    @Then("{string} FAILED, with no earlier firmware to roll back to, and {string} and {string} were SKIPPED")
    public void failedAndSkipped(String failed, String first, String second) {
        assertThat(deviceUpdate(failed).get("status").asText()).isEqualTo("FAILED");
        assertThat(deviceUpdate(failed).get("detail").asText()).endsWith("no earlier firmware to roll back to");
        assertThat(device(failed).get("status").asText()).isEqualTo("FAILED");
        for (String skipped : List.of(first, second)) {
            assertThat(deviceUpdate(skipped).get("status").asText()).isEqualTo("SKIPPED");
            assertThat(deviceUpdate(skipped).get("detail").asText()).startsWith("not tried: the rollout stopped after group 1");
        }
    }

    @Then("the devices {string} and {string} are still REGISTERED with no model")
    public void stillRegistered(String first, String second) {
        stillRegistered(first);
        stillRegistered(second);
    }

    @Then("the device {string} is still REGISTERED with no model")
    public void stillRegistered(String name) {
        JsonNode device = device(name);
        assertThat(device.get("status").asText()).as(device.toString()).isEqualTo("REGISTERED");
        assertThat(device.get("modelId").isNull()).isTrue();
        assertThat(device.get("firmwareSha256").isNull()).isTrue();
    }

    @Then("{string} was REFUSED with a reason naming its flash and the bytes over")
    public void refused(String device) {
        JsonNode update = deviceUpdate(device);
        assertThat(update.get("status").asText()).as(rollout.toString()).isEqualTo("REFUSED");
        assertThat(update.get("detail").asText()).startsWith("nothing flashed: adafruit_edgebadge: the firmware needs ")
                .contains("bytes of flash, the board has 524288").containsPattern("\\(\\d+ bytes too many\\)");
    }

    private String model(String key) {
        assertThat(api.service.models).as("models made for the scenarios").containsKey(key);
        return api.service.models.get(key);
    }

    private JsonNode device(String name) {
        return StreamSupport.stream(api.get("/api/devices").json().spliterator(), false)
                .filter(device -> device.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no device " + name));
    }

    private JsonNode deviceUpdate(String name) {
        return StreamSupport.stream(rollout.get("devices").spliterator(), false)
                .filter(update -> update.get("deviceName").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no update of " + name + " in " + rollout));
    }
}
