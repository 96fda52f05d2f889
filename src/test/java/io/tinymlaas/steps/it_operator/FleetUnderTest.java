package io.tinymlaas.steps.it_operator;

import io.cucumber.java.AfterAll;
import io.tinymlaas.app.FleetLauncher;
import io.tinymlaas.app.Tinyml;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fleet the fleet feature's scenarios share: started once per service (bridges are real processes, so starting one
 * costs a rollout and a JVM per bridge), started again when a scenario killed one of its bridges, stopped after the run.
 */
public final class FleetUnderTest {

    /** Fast enough that a test sees several inferences per device within a second or two. */
    static final Duration INFERENCE = Duration.ofMillis(250);

    private static FleetUnderTest current;

    final String serviceUrl;
    final FleetLauncher launcher;
    final FleetLauncher.Started started;
    final Duration heartbeat;

    private FleetUnderTest(String serviceUrl, FleetLauncher launcher, FleetLauncher.Started started, Duration heartbeat) {
        this.serviceUrl = serviceUrl;
        this.launcher = launcher;
        this.started = started;
        this.heartbeat = heartbeat;
    }

    /** This service's fleet of this shape, with every bridge alive; started when there is none. */
    static synchronized FleetUnderTest ensure(String serviceUrl, String token, int count, String board, String modelId, int perBridge,
                                              Duration heartbeat) {
        if (current != null && current.serviceUrl.equals(serviceUrl) && current.allAlive()
                && current.devices().size() == count && current.heartbeat.equals(heartbeat)) {
            return current;
        }
        stopAll();
        Tinyml engine = Tinyml.forThisProject();
        Path state = engine.layout().output().resolve("fleet-it").resolve(String.valueOf(System.currentTimeMillis()));
        FleetLauncher launcher = new FleetLauncher(engine, URI.create(serviceUrl), token, state);
        current = new FleetUnderTest(serviceUrl, launcher, launcher.start(count, board, modelId, perBridge, heartbeat, INFERENCE,
                line -> { }), heartbeat);
        return current;
    }

    List<Long> devices() {
        return started.bridges().stream().flatMap(bridge -> bridge.devices().stream()).toList();
    }

    private boolean allAlive() {
        return started.bridges().stream().allMatch(bridge -> ProcessHandle.of(bridge.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Kills a bridge as a power cut would (SIGKILL), and the emulators it ran, which would otherwise outlive it. */
    static void kill(FleetLauncher.LaunchedBridge bridge) {
        ProcessHandle.of(bridge.pid()).ifPresent(process -> {
            List<ProcessHandle> emulators = process.descendants().toList();
            process.destroyForcibly();
            process.onExit().join();
            emulators.forEach(ProcessHandle::destroyForcibly);
        });
    }

    @AfterAll
    public static synchronized void stopAll() {
        if (current != null) {
            current.launcher.stop();
            current = null;
        }
    }
}
