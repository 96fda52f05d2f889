package io.tinymlaas.app;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.store.Token;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fleet under load: for each fleet size, emulated devices started behind bridge processes on this machine (as {@code
 * fleet start} does) against a service in this JVM, then measured once all are online: reports stored per second against
 * what the devices' schedule sends, the delay from a bridge sending a report to the service storing it, resident memory of
 * the server, each bridge and the emulators, and whether the machine held them all. Written to target/bench/fleet.json.
 */
public final class FleetBench {

    /** A fleet holds when it delivers at least this share of what its schedule sends. */
    private static final double HOLDS = 0.95;
    /** Let the first inferences and heartbeats settle before measuring. */
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private FleetBench() {
    }

    /** Runs each fleet size in {@code sizes} in turn against {@code service}, whose API listens on {@code port}. */
    public static FleetBenchResult run(TinymlService service, int port, List<Integer> sizes, String board, int perBridge,
                                       Duration inference, Duration heartbeat, Duration window, Consumer<String> progress) {
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1) || window.toSeconds() < 5) {
            throw new TinymlException("the fleet benchmark needs fleet sizes of at least 1 device and at least 5 s to measure");
        }
        Instant stamp = Instant.now();
        Path state = service.engine().layout().bench().resolve("fleet-" + stamp.toEpochMilli());
        URI api = URI.create("http://127.0.0.1:" + port);
        List<FleetBenchResult.Row> rows = new ArrayList<>();
        String model = null;
        for (int size : sizes) {
            FleetLauncher launcher = new FleetLauncher(service.engine(), api,
                    service.createToken("bench-fleet " + stamp + " " + size, Token.Role.OPERATOR), state.resolve(String.valueOf(size)));
            long start = System.nanoTime();
            FleetLauncher.Started started = launcher.start(size, board, null, perBridge, heartbeat, inference, progress);
            double startSeconds = (System.nanoTime() - start) / 1e9;
            model = started.modelId();
            try {
                rows.add(measure(service, started, startSeconds, size, inference, heartbeat, window));
            } finally {
                launcher.stop();
            }
            progress.accept(size + " devices measured");
        }
        FleetBenchResult result = new FleetBenchResult(stamp.toString(), Runtime.getRuntime().availableProcessors(), board, model,
                inference.toMillis(), heartbeat.toMillis(), perBridge, window.toMillis() / 1000.0, rows,
                service.engine().layout().bench().resolve("fleet.json"));
        ReportWriter.writeJson(result, result.file());
        return result;
    }

    private static FleetBenchResult.Row measure(TinymlService service, FleetLauncher.Started started, double startSeconds, int size,
                                                Duration inference, Duration heartbeat, Duration window) {
        pause(WARM_UP);
        List<Long> devices = started.bridges().stream().flatMap(bridge -> bridge.devices().stream()).toList();
        long accepted = accepted(service);
        long duplicates = duplicates(service);
        Instant since = Instant.now();
        long serverRss = 0;
        long[] bridgeRss = new long[started.bridges().size()];
        long emulatorsRss = 0;
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            serverRss = Math.max(serverRss, ResidentMemory.bytesNow());
            long emulators = 0;
            for (int i = 0; i < bridgeRss.length; i++) {
                long pid = started.bridges().get(i).pid();
                bridgeRss[i] = Math.max(bridgeRss[i], ResidentMemory.bytesOf(pid));
                emulators += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(child -> ResidentMemory.bytesOf(child.pid())).sum();
            }
            emulatorsRss = Math.max(emulatorsRss, emulators);
            pause(Duration.ofSeconds(1));
        }
        double seconds = Duration.between(since, Instant.now()).toMillis() / 1000.0;
        double rate = (accepted(service) - accepted) / seconds;
        double expected = size * (1000.0 / inference.toMillis() + 1000.0 / heartbeat.toMillis());
        double[] delays = service.fleetTimings(since).stream()
                .mapToDouble(t -> Duration.between(t.sentAt(), t.receivedAt()).toNanos() / 1e6).sorted().toArray();
        long online = service.fleetDevices().stream().filter(d -> devices.contains(d.id()) && d.status().equals("ONLINE")).count();
        return new FleetBenchResult.Row(size, started.bridges().size(), startSeconds, expected, rate, quantile(delays, 0.5),
                quantile(delays, 0.99), delays.length == 0 ? 0 : delays[delays.length - 1], duplicates(service) - duplicates, online,
                online == size && rate >= HOLDS * expected, serverRss, Arrays.stream(bridgeRss).boxed().toList(), emulatorsRss,
                loadAverage());
    }

    private static long accepted(TinymlService service) {
        return service.bridges().stream().mapToLong(bridge -> bridge.bridge().accepted()).sum();
    }

    private static long duplicates(TinymlService service) {
        return service.bridges().stream().mapToLong(bridge -> bridge.bridge().duplicates()).sum();
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static double loadAverage() {
        Path file = Path.of("/proc/loadavg");
        try {
            return Double.parseDouble(Files.readString(file).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            throw new TinymlException("cannot read the load average from " + file + ": " + (e instanceof IOException io
                    ? IoFailure.reason(io) : e.getMessage()), e);
        }
    }

    private static void pause(Duration length) {
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("the fleet benchmark was interrupted", e);
        }
    }
}
