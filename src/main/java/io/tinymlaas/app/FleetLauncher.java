package io.tinymlaas.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * {@code fleet start} and {@code fleet stop}: emulated devices registered with a running service over its REST API, given a
 * model by a rollout (so each flash holds a verified image), and run by bridge processes on this host, which the fleet's
 * file in the state folder lists so {@code fleet stop} can end them.
 */
public final class FleetLauncher {

    /** A bridge process this host started. */
    public record LaunchedBridge(String name, long pid, List<Long> devices, String log) {
    }

    /** What {@code fleet start} did: the model the devices run, and the bridges that run them. */
    public record Started(String modelId, List<LaunchedBridge> bridges, List<String> notVerified) {
    }

    /** Booting 20 devices on 2 cores takes a while; the limit only stops a fleet that cannot come up from hanging. */
    private static final Duration ONLINE_LIMIT = Duration.ofMinutes(4);
    private static final Duration ROLLOUT_LIMIT = Duration.ofMinutes(10);
    private static final String STATE_FILE = "fleet.json";

    private final Tinyml engine;
    private final ServiceClient client;
    private final URI service;
    private final Path stateFolder;

    public FleetLauncher(Tinyml engine, URI service, String token, Path stateFolder) {
        this.engine = engine;
        this.client = new ServiceClient(service, token);
        this.service = service;
        this.stateFolder = stateFolder;
    }

    /**
     * Registers {@code count} emulated devices of {@code board}, assigns them {@code modelId} (null: the newest judged
     * hello_world model), starts bridges of at most {@code perBridge} devices each, and returns once every device's heartbeat says it is online.
     */
    public Started start(int count, String board, String modelId, int perBridge, Duration heartbeat, Duration inference,
                         Consumer<String> progress) {
        if (count < 1 || perBridge < 1) {
            throw new InvalidInputException(count < 1 ? "count" : "per-bridge", "must be at least 1");
        }
        String model = modelId != null ? modelId : newestHelloWorld();
        String stamp = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<Long> devices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            devices.add(client.post("/api/devices", Map.of("name", "fleet-" + stamp + "-" + i, "board", board, "transport", "emulator",
                    "location", "fleet " + stamp, "tags", List.of("fleet"))).path("id").asLong());
        }
        progress.accept("registered " + count + " " + board + " devices " + devices + "; assigning model " + model);
        JsonNode rollout = rollout(model, devices);
        List<Long> verified = new ArrayList<>();
        List<String> notVerified = new ArrayList<>();
        for (JsonNode update : rollout.path("devices")) {
            if (update.path("status").asText().equals("VERIFIED")) {
                verified.add(update.path("deviceId").asLong());
            } else {
                notVerified.add(update.path("deviceName").asText() + ": " + update.path("status").asText() + " "
                        + update.path("detail").asText());
            }
        }
        progress.accept("rollout " + rollout.path("id").asLong() + ": " + verified.size() + " of " + count + " verified");
        List<LaunchedBridge> bridges = new ArrayList<>();
        for (int from = 0; from < verified.size(); from += perBridge) {
            List<Long> group = verified.subList(from, Math.min(verified.size(), from + perBridge));
            String name = "fleet-" + stamp + "-bridge-" + (from / perBridge + 1);
            JsonNode credentials = client.post("/api/fleet/bridges", Map.of("name", name, "devices", group));
            LaunchedBridge launched = launch(name, credentials.path("secret").asText(), List.copyOf(group), heartbeat, inference);
            bridges.add(launched);
            remember(launched);
            progress.accept("bridge " + name + " (pid " + launched.pid() + ") runs devices " + group + "; log " + launched.log());
        }
        awaitOnline(verified, bridges);
        return new Started(model, bridges, notVerified);
    }

    /** Ends every bridge process the fleet's file lists, and forgets them. */
    public List<LaunchedBridge> stop() {
        List<LaunchedBridge> bridges = launched();
        for (LaunchedBridge bridge : bridges) {
            ProcessHandle.of(bridge.pid()).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(late -> {
                    process.destroyForcibly();
                    return process;
                }).join();
            });
        }
        try {
            Files.deleteIfExists(stateFolder.resolve(STATE_FILE));
        } catch (IOException e) {
            throw new TinymlException("cannot delete " + stateFolder.resolve(STATE_FILE) + ": " + IoFailure.reason(e), e);
        }
        return bridges;
    }

    /** The bridges this host started and has not stopped. */
    public List<LaunchedBridge> launched() {
        Path file = stateFolder.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return ReportWriter.JSON.readValue(file.toFile(), new TypeReference<List<LaunchedBridge>>() { });
        } catch (IOException e) {
            throw new TinymlException("cannot read the fleet's file " + file + ": " + IoFailure.reason(e), e);
        }
    }

    private String newestHelloWorld() {
        return StreamSupport.stream(client.get("/api/models").spliterator(), false)
                .filter(m -> m.path("example").asText().equals("hello_world") && m.path("qualityPassed").asBoolean()
                        && !m.path("int8File").isNull() && Files.isRegularFile(Path.of(m.path("int8File").asText())))
                .max(Comparator.comparing(m -> m.path("storedAt").asText()))
                .map(m -> m.path("id").asText())
                .orElseThrow(() -> new TinymlException("the registry holds no judged hello_world model with its int8 file; train one"
                        + " (e.g. a pipeline with lastStage reference) or name one with --model"));
    }

    private JsonNode rollout(String model, List<Long> devices) {
        long id = client.post("/api/rollouts", Map.of("modelId", model, "devices", devices, "groupSize", devices.size(),
                "errorThreshold", 1.0)).path("id").asLong();
        Instant deadline = Instant.now().plus(ROLLOUT_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode rollout = client.get("/api/rollouts/" + id);
            String status = rollout.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return rollout;
            }
            pause();
        }
        throw new TinymlException("rollout " + id + " did not end within " + ROLLOUT_LIMIT + "; is a worker running?");
    }

    private LaunchedBridge launch(String name, String secret, List<Long> devices, Duration heartbeat, Duration inference) {
        Path log = stateFolder.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtinyml.root=" + engine.layout().root(), "-XX:+UseSerialGC", "-Xmx128m", "-cp", classPath(),
                "io.tinymlaas.cli.Main", "bridge", "--service", service.toString(), "--name", name,
                "--heartbeat-ms", String.valueOf(heartbeat.toMillis()), "--infer-ms", String.valueOf(inference.toMillis())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TINYML_BRIDGE_SECRET", secret);
        try {
            Files.createDirectories(stateFolder);
            return new LaunchedBridge(name, builder.start().pid(), devices, log.toString());
        } catch (IOException e) {
            throw new TinymlException("cannot start the bridge " + name + ": " + IoFailure.reason(e), e);
        }
    }

    /** The class path bin/tinyml runs with (target/classes and the build's list), else this JVM's own. */
    private String classPath() {
        Path root = engine.layout().root();
        Path list = root.resolve("target/classpath.txt");
        try {
            return Files.isRegularFile(list) ? root.resolve("target/classes") + File.pathSeparator + Files.readString(list).strip()
                    : System.getProperty("java.class.path");
        } catch (IOException e) {
            throw new TinymlException("cannot read " + list + ": " + IoFailure.reason(e), e);
        }
    }

    private void remember(LaunchedBridge bridge) {
        List<LaunchedBridge> all = new ArrayList<>(launched());
        all.add(bridge);
        Path file = stateFolder.resolve(STATE_FILE);
        try {
            Files.createDirectories(stateFolder);
            ReportWriter.JSON.writeValue(file.toFile(), all);
        } catch (IOException e) {
            throw new TinymlException("cannot write the fleet's file " + file + ": " + IoFailure.reason(e), e);
        }
    }

    private void awaitOnline(List<Long> devices, List<LaunchedBridge> bridges) {
        Instant deadline = Instant.now().plus(ONLINE_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode fleet = client.get("/api/fleet/devices");
            long online = StreamSupport.stream(fleet.spliterator(), false)
                    .filter(d -> devices.contains(d.path("id").asLong()) && d.path("status").asText().equals("ONLINE")
                            && !d.path("lastHeartbeat").isNull()).count();
            if (online == devices.size()) {
                return;
            }
            Optional<LaunchedBridge> dead = bridges.stream().filter(b -> ProcessHandle.of(b.pid()).map(p -> !p.isAlive()).orElse(true))
                    .findFirst();
            if (dead.isPresent()) {
                throw new TinymlException("the bridge " + dead.get().name() + " ended; its log " + dead.get().log() + " says: "
                        + tail(Path.of(dead.get().log())));
            }
            pause();
        }
        throw new TinymlException("not every device came online within " + ONLINE_LIMIT + "; see the bridges' logs in " + stateFolder);
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log).strip();
            return text.substring(Math.max(0, text.length() - 800));
        } catch (IOException e) {
            return "(unreadable: " + IoFailure.reason(e) + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while waiting for the fleet", e);
        }
    }
}
