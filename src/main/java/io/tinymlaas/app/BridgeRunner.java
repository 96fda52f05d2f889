package io.tinymlaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.telemetry.Bridge;
import io.tinymlaas.telemetry.Firmware;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bridge process: asks the service which devices it runs and where the broker is, fetches each device's firmware from
 * the registry, and runs them (see {@link Bridge}), in their emulators or as real boards on serial ports, until closed.
 */
public final class BridgeRunner implements AutoCloseable {

    private final Bridge bridge;
    private final List<Long> devices;
    private final String brokerUrl;

    private BridgeRunner(Bridge bridge, List<Long> devices, String brokerUrl) {
        this.bridge = bridge;
        this.devices = devices;
        this.brokerUrl = brokerUrl;
    }

    /**
     * @param secret      the bridge's secret the service issued: its API token and broker password
     * @param brokerUrl   the broker to report to; null: the one the service names
     * @param serialPorts the devices that are real boards, by id, with the serial port each is on (here, the host the
     *                    bridge runs on); the others are booted in their emulators
     */
    public static BridgeRunner start(Tinyml engine, URI service, String name, String secret, String brokerUrl, Duration heartbeat,
                                     Duration inference, Map<Long, String> serialPorts) {
        ServiceClient client = new ServiceClient(service, secret);
        JsonNode bridge = client.get("/api/fleet/bridges/" + name);
        String broker = brokerUrl != null ? brokerUrl : bridge.path("brokerUrl").asText(null);
        if (broker == null) {
            throw new TinymlException("the service at " + service + " names no MQTT broker; give one with --broker");
        }
        List<Long> devices = new ArrayList<>();
        bridge.path("bridge").path("devices").forEach(id -> devices.add(id.asLong()));
        List<Long> strangers = serialPorts.keySet().stream().filter(id -> !devices.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw new TinymlException("devices " + strangers + " on serial ports are not bridge " + name + "'s; it runs " + devices);
        }
        Path work = engine.layout().output().resolve("bridges").resolve(name);
        Bridge running = Bridge.start(new Bridge.Settings(name, broker, secret, heartbeat, inference, work), devices,
                deviceId -> firmware(client, deviceId), (firmware, elf) -> serialPorts.containsKey(firmware.deviceId())
                        ? engine.serialBoard(firmware.board(), serialPorts.get(firmware.deviceId()))
                        : engine.liveBoard(firmware.board(), elf, work.resolve("build")));
        return new BridgeRunner(running, devices, broker);
    }

    private static Firmware firmware(ServiceClient client, long deviceId) {
        HttpResponse<byte[]> image = client.bytes("/api/devices/" + deviceId + "/firmware");
        return new Firmware(deviceId, header(image, "X-Board"), image.body(), header(image, "X-Firmware-Sha256"),
                header(image, "X-Model-Hash"), Integer.parseInt(header(image, "X-Input-Bytes")));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new TinymlException("the service's firmware answer has no "
                + name + " header"));
    }

    public List<Long> devices() {
        return devices;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    /** How many of its devices run now. */
    public long running() {
        return bridge.running();
    }

    @Override
    public void close() {
        bridge.close();
    }
}
