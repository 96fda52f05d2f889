package io.tinymlaas.cli;

import io.tinymlaas.app.BridgeRunner;
import io.tinymlaas.core.TinymlException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Runs the devices of one bridge the service registered (`fleet start` starts these): boots each on "
                + "the firmware its flash holds in its emulator (or, with --serial, talks to a real board on a serial port), runs "
                + "inferences on a schedule and publishes heartbeats and telemetry over MQTT. "
                + "Its secret (broker password and API token) comes in $TINYML_BRIDGE_SECRET. Stops on Ctrl-C."})
final class BridgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--service", defaultValue = "http://127.0.0.1:8080", description = "the service (default: ${DEFAULT-VALUE})")
    URI service;

    @Option(names = "--name", required = true, description = "the bridge's name, as the service registered it")
    String name;

    @Option(names = "--broker", paramLabel = "<url>", description = "the MQTT broker (default: the one the service names)")
    String broker;

    @Option(names = "--heartbeat-ms", defaultValue = "2000", description = "between heartbeats (default: ${DEFAULT-VALUE})")
    long heartbeatMillis;

    @Option(names = "--infer-ms", defaultValue = "1000", description = "between one device's inferences (default: ${DEFAULT-VALUE})")
    long inferMillis;

    @Option(names = "--serial", paramLabel = "<port>=<device-id>", description = "a real board on this host's serial port, "
            + "e.g. /dev/ttyACM0=7, running the image its device's flash holds in the registry (flashed onto it by hand); "
            + "repeat for each; the bridge's other devices run in their emulators")
    Map<String, Long> serial = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        String secret = System.getenv("TINYML_BRIDGE_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new TinymlException("no secret: set $TINYML_BRIDGE_SECRET to the one POST /api/fleet/bridges issued");
        }
        if (heartbeatMillis < 100 || inferMillis < 10) {
            throw new TinymlException("--heartbeat-ms must be at least 100 and --infer-ms at least 10");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<Long, String> ports = new LinkedHashMap<>();
        serial.forEach((port, device) -> {
            if (ports.put(device, port) != null) {
                throw new TinymlException("--serial: device " + device + " is given two ports");
            }
        });
        BridgeRunner bridge = BridgeRunner.start(main.tinyml(), service, name, secret, broker, Duration.ofMillis(heartbeatMillis),
                Duration.ofMillis(inferMillis), ports);
        out.printf("bridge %s runs devices %s%s, reporting to %s; Ctrl-C stops%n", name, bridge.devices(),
                ports.isEmpty() ? "" : " (on serial ports: " + ports + ")", bridge.brokerUrl());
        out.flush();
        DatabaseOptions.runUntilStopped(bridge::close);
        return 0;
    }
}
