package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.FleetLauncher;
import io.tinymlaas.steps.service.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The live fleet through the real service: bridges as processes reporting over MQTT, and clients of our own that speak
 * the bridges' wire format with a bridge's secret, to send what a faulty or hostile bridge would.
 */
public class FleetSteps {

    /** Long enough that nothing a scenario waits for is cut short on a loaded machine; only a hung fleet reaches it. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** How often the service looks for silent devices. */
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final Api api;
    private FleetUnderTest fleet;
    private final Map<String, MqttClient> clients = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, String> brokers = new HashMap<>();
    private Map<String, Long> acceptedBeforeRestart;
    private Instant restartedAt;
    private byte[] lastPublished;
    private FleetLauncher.LaunchedBridge killed;

    public FleetSteps(Api api) {
        this.api = api;
    }

    @After
    public void disconnectOurClients() throws MqttException {
        for (MqttClient client : clients.values()) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    @Given("a fleet of {int} emulated {string} devices runs the model of seed {long} behind bridges of {int} devices each, with a heartbeat every {int} ms")
    public void aFleet(int count, String board, long seed, int perBridge, int heartbeatMillis) {
        fleet = FleetUnderTest.ensure(api.service.baseUrl, api.service.operatorToken, count, board,
                api.service.models.get("seed " + seed), perBridge, Duration.ofMillis(heartbeatMillis));
        assertThat(fleet.started.notVerified()).as("devices whose update failed").isEmpty();
    }

    @Then("every device of the fleet is ONLINE and trusted, reporting the model hash it was assigned")
    public void everyDeviceOnlineAndTrusted() {
        fleetDevicesUntil(devices -> devices.stream().allMatch(d -> d.path("status").asText().equals("ONLINE")
                && d.path("trusted").asBoolean() && !d.path("lastHeartbeat").isNull() && (restartedAt == null
                || Instant.parse(d.path("lastHeartbeat").asText()).isAfter(restartedAt))
                && d.path("reportedModelHash").asText().equals(d.path("assignedModelHash").asText())), "every device ONLINE and trusted");
    }

    @Then("every device of the fleet has reported inferences without errors")
    public void everyDeviceInferred() {
        List<JsonNode> devices = fleetDevicesUntil(all -> all.stream().allMatch(d -> d.path("inferences").asLong() >= 2),
                "two inferences reported by every device");
        assertThat(devices).allSatisfy(d -> assertThat(d.path("errors").asLong()).as(d.toString()).isZero());
    }

    @Then("the fleet summary counts the devices online on their board, the model in the field, inferences per minute and the latency on the board")
    public void theSummary() {
        JsonNode summary = api.get("/api/fleet/summary").json();
        int count = fleet.devices().size();
        assertThat(summary.path("byStatus").path("online").asLong()).as(summary.toString()).isGreaterThanOrEqualTo(count);
        JsonNode board = find(summary.path("byBoard"), b -> b.path("board").asText().equals("arduino_nano_33_ble_sense"));
        assertThat(board.path("online").asLong()).isGreaterThanOrEqualTo(count);
        JsonNode model = find(summary.path("models"), m -> m.path("modelId").asText().equals(fleet.started.modelId()));
        assertThat(model.path("online").asLong()).isGreaterThanOrEqualTo(count);
        assertThat(summary.path("inferencesPerMinute").asLong()).isGreaterThanOrEqualTo(2L * count);
        JsonNode latency = find(summary.path("latency"), l -> l.path("board").asText().equals("arduino_nano_33_ble_sense"));
        assertThat(latency.path("meanInstructions").asDouble()).isPositive();
        // the Nano 33 BLE Sense runs at 64 MHz: its latency is its instruction count over 64, in microseconds
        assertThat(latency.path("meanMicros").asDouble()).isCloseTo(latency.path("meanInstructions").asDouble() / 64,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(summary.path("failures")).hasSize(30);
    }

    @Then("the fleet's event stream starts with a summary")
    public void theEventStream() {
        String[] first = api.firstEvent("/api/fleet/events");
        assertThat(first[0]).isEqualTo("summary");
        assertThat(Api.parse(first[1]).path("byStatus").path("online").asLong()).isGreaterThanOrEqualTo(fleet.devices().size());
    }

    @When("the MQTT broker restarts")
    public void theBrokerRestarts() {
        acceptedBeforeRestart = acceptedPerBridge();
        restartedAt = Instant.now();
        assertThat(api.post("/api/fleet/broker/restart", "").status()).isEqualTo(204);
    }

    @Then("every bridge of the fleet reconnects and its reports are accepted again")
    public void bridgesReconnect() {
        api.until("/api/fleet/bridges", bridges -> acceptedBeforeRestart.entrySet().stream().allMatch(before ->
                        accepted(bridges, before.getKey()) >= before.getValue() + 4),
                "reports accepted from every bridge after the restart", LIMIT);
    }

    @Given("a bridge {string} is registered for {string} and connected to the broker with its secret")
    public void ourBridge(String name, String device) throws MqttException {
        Api.Answer answer = api.post("/api/fleet/bridges", Map.of("name", name, "devices", List.of(deviceId(device))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        secrets.put(name, answer.json().path("secret").asText());
        brokers.put(name, answer.json().path("bridge").path("brokerUrl").asText());
        clients.put(name, connect(name, secrets.get(name)));
    }

    @When("{string} publishes a heartbeat for {string} with its flashed firmware and model")
    public void publishHeartbeat(String bridge, String device) throws MqttException {
        JsonNode view = fleetDevice(deviceId(device));
        publish(bridge, heartbeat(view.path("id").asLong(), view.path("firmwareSha256").asText(), view.path("assignedModelHash").asText()));
    }

    @When("{string} publishes a heartbeat for {string} with its flashed firmware and another model's hash")
    public void publishWrongModel(String bridge, String device) throws MqttException {
        JsonNode view = fleetDevice(deviceId(device));
        publish(bridge, heartbeat(view.path("id").asLong(), view.path("firmwareSha256").asText(), "c".repeat(64)));
    }

    @When("{string} publishes that same heartbeat again")
    public void publishAgain(String bridge) throws MqttException {
        publish(bridge, lastPublished);
    }

    @When("{string} publishes a message that is not JSON")
    public void publishGarbage(String bridge) throws MqttException {
        publish(bridge, "heartbeat? <b>on</b>".getBytes(StandardCharsets.UTF_8));
    }

    @When("{string} publishes a heartbeat for a device of the fleet")
    public void publishForeign(String bridge) throws MqttException {
        JsonNode view = fleetDevice(fleet.devices().get(0));
        publish(bridge, heartbeat(view.path("id").asLong(), view.path("firmwareSha256").asText(), view.path("assignedModelHash").asText()));
    }

    @Then("{string} is ONLINE and trusted")
    public void onlineAndTrusted(String device) {
        deviceUntil(deviceId(device), d -> d.path("status").asText().equals("ONLINE") && d.path("trusted").asBoolean()
                && !d.path("lastHeartbeat").isNull(), device + " ONLINE and trusted");
    }

    @Then("the bridge {string} has {int} report accepted, {int} duplicate, {int} malformed and {int} about a device not its own")
    public void bridgeCounts(String name, int accepted, int duplicates, int malformed, int foreign) {
        JsonNode bridge = api.until("/api/fleet/bridges/" + name, b -> b.path("bridge").path("accepted").asLong()
                + b.path("bridge").path("duplicates").asLong() + b.path("bridge").path("malformed").asLong()
                + b.path("bridge").path("foreignDevice").asLong() >= accepted + duplicates + malformed + foreign, "every message counted", LIMIT)
                .path("bridge");
        assertThat(List.of(bridge.path("accepted").asLong(), bridge.path("duplicates").asLong(), bridge.path("malformed").asLong(),
                bridge.path("foreignDevice").asLong())).as(bridge.toString())
                .containsExactly((long) accepted, (long) duplicates, (long) malformed, (long) foreign);
    }

    @Then("a client with a wrong secret for {string} is refused by the broker")
    public void wrongSecretRefused(String name) {
        assertThatThrownBy(() -> connect(name, secrets.get(name) + "x")).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isIn(
                        (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    @Then("{string} is marked untrusted, with an alert naming the model it reports and the one it was assigned")
    public void untrusted(String device) {
        long id = deviceId(device);
        JsonNode view = deviceUntil(id, d -> !d.path("trusted").asBoolean(), device + " untrusted");
        JsonNode alert = find(api.get("/api/fleet/summary").json().path("alerts"), a -> a.path("deviceId").asLong() == id
                && a.path("kind").asText().equals("untrusted") && a.path("clearedAt").isNull());
        assertThat(alert.path("message").asText()).contains("c".repeat(64)).contains(view.path("assignedModelHash").asText());
    }

    @Then("the fleet summary counts {int} untrusted device")
    public void untrustedCount(int count) {
        assertThat(api.get("/api/fleet/summary").json().path("untrusted").asLong()).isEqualTo(count);
    }

    @When("the model of seed {long} is assigned to the first device of the fleet and verified")
    public void assignToFirst(long seed) {
        Api.Answer queued = api.post("/api/rollouts", Map.of("modelId", api.service.models.get("seed " + seed),
                "devices", List.of(fleet.devices().get(0))));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode rollout = api.until("/api/rollouts/" + queued.json().path("id").asLong(), r -> r.path("status").asText().equals("COMPLETED"),
                "the rollout COMPLETED", LIMIT);
        assertThat(rollout.path("devices").get(0).path("status").asText()).as(rollout.toString()).isEqualTo("VERIFIED");
    }

    @Then("the first device of the fleet reports the model of seed {long}, ONLINE and trusted")
    public void firstReportsNewModel(long seed) {
        String modelHash = api.get("/api/models/" + api.service.models.get("seed " + seed)).json().path("int8Sha256").asText();
        deviceUntil(fleet.devices().get(0), d -> d.path("reportedModelHash").asText().equals(modelHash)
                && d.path("assignedModelHash").asText().equals(modelHash) && d.path("status").asText().equals("ONLINE")
                && d.path("trusted").asBoolean(), "the first device reporting the model of seed " + seed);
    }

    @When("the bridge of the fleet that runs {int} device is killed")
    public void killBridge(int devices) {
        killed = fleet.started.bridges().stream().filter(bridge -> bridge.devices().size() == devices).findFirst().orElseThrow();
        FleetUnderTest.kill(killed);
    }

    @Then("its device goes OFFLINE within 3 heartbeat intervals of its last heartbeat plus the 1 s sweep, with an offline alert")
    public void wentOffline() {
        long id = killed.devices().get(0);
        JsonNode device = deviceUntil(id, d -> d.path("status").asText().equals("OFFLINE"), "the killed bridge's device OFFLINE");
        JsonNode alert = find(api.get("/api/fleet/summary").json().path("alerts"), a -> a.path("deviceId").asLong() == id
                && a.path("kind").asText().equals("offline") && a.path("clearedAt").isNull());
        Duration silence = Duration.between(Instant.parse(device.path("lastHeartbeat").asText()), Instant.parse(alert.path("raisedAt").asText()));
        // the service's own clock on both ends: when it heard the last heartbeat, and when its sweep raised the alert
        assertThat(silence).isGreaterThan(fleet.heartbeat.multipliedBy(3))
                .isLessThanOrEqualTo(fleet.heartbeat.multipliedBy(3).plus(SWEEP).plus(SWEEP));
        assertThat(alert.path("message").asText()).contains("3 missed");
    }

    @Then("the other devices of the fleet stay ONLINE")
    public void othersOnline() {
        List<Long> others = fleet.devices().stream().filter(id -> !killed.devices().contains(id)).toList();
        assertThat(fleetDevices().stream().filter(d -> others.contains(d.path("id").asLong())))
                .hasSize(others.size()).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("ONLINE"));
    }

    private MqttClient connect(String name, String secret) throws MqttException {
        MqttClient client = new MqttClient(brokers.get(name), name + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(name);
        options.setPassword(secret.toCharArray());
        options.setConnectionTimeout(10);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private void publish(String bridge, byte[] payload) throws MqttException {
        lastPublished = payload;
        clients.get(bridge).publish("tinyml/bridges/" + bridge + "/reports", payload, 1, false);
    }

    /** A heartbeat as a bridge sends it; the interval is long, so the device is not swept offline during the scenario. */
    private static byte[] heartbeat(long deviceId, String firmwareSha256, String modelHash) {
        return String.format("{\"kind\":\"heartbeat\",\"deviceId\":%d,\"seq\":%d,\"sentAtMillis\":%d,\"state\":\"running\","
                        + "\"firmwareSha256\":\"%s\",\"modelHash\":\"%s\",\"intervalMillis\":600000}", deviceId, System.nanoTime(),
                System.currentTimeMillis(), firmwareSha256, modelHash).getBytes(StandardCharsets.UTF_8);
    }

    private long deviceId(String name) {
        return find(api.get("/api/devices").json(), d -> d.path("name").asText().equals(name)).path("id").asLong();
    }

    private JsonNode fleetDevice(long id) {
        return fleetDevices().stream().filter(d -> d.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private List<JsonNode> fleetDevices() {
        return StreamSupport.stream(api.get("/api/fleet/devices").json().spliterator(), false).toList();
    }

    /** The fleet's devices, once they satisfy {@code done}. */
    private List<JsonNode> fleetDevicesUntil(Predicate<List<JsonNode>> done, String what) {
        List<Long> ours = fleet.devices();
        Predicate<JsonNode> ofFleet = d -> ours.contains(d.path("id").asLong());
        return StreamSupport.stream(api.until("/api/fleet/devices", all -> done.test(StreamSupport.stream(all.spliterator(), false)
                .filter(ofFleet).toList()), what, LIMIT).spliterator(), false).filter(ofFleet).toList();
    }

    /** One device as the fleet sees it, once it satisfies {@code done}. */
    private JsonNode deviceUntil(long id, Predicate<JsonNode> done, String what) {
        Predicate<JsonNode> it = d -> d.path("id").asLong() == id;
        return find(api.until("/api/fleet/devices", all -> StreamSupport.stream(all.spliterator(), false).anyMatch(it.and(done)), what,
                LIMIT), it);
    }

    private static long accepted(JsonNode bridges, String name) {
        return find(bridges, b -> b.path("bridge").path("name").asText().equals(name)).path("bridge").path("accepted").asLong();
    }

    private Map<String, Long> acceptedPerBridge() {
        JsonNode bridges = api.get("/api/fleet/bridges").json();
        Map<String, Long> accepted = new HashMap<>();
        fleet.started.bridges().forEach(bridge -> accepted.put(bridge.name(), accepted(bridges, bridge.name())));
        return accepted;
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> which) {
        return StreamSupport.stream(array.spliterator(), false).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("nothing matching in " + array));
    }
}
