package io.tinymlaas.app;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.store.Token;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Load on a running service over HTTP: concurrent clients register devices for the first half of the time, then read
 * them (one by one, and every tenth read the whole list) for the second half. The figures go to
 * {@code target/bench/service-<database>.json}.
 */
public final class ServiceBench {

    private static final Duration RSS_SAMPLING = Duration.ofMillis(100);

    private ServiceBench() {
    }

    /** Drives {@code service}, whose API listens on {@code port} of this machine, from {@code clients} threads. */
    public static ServiceBenchResult run(TinymlService service, int port, int clients, Duration duration) {
        requireLoad(clients, duration);
        Instant started = Instant.now();
        String token = service.createToken("bench-service " + started, Token.Role.OPERATOR);
        URI api = URI.create("http://127.0.0.1:" + port + "/api/");
        String board = service.engine().boardIds().get(0);
        String names = "bench-" + Long.toString(started.toEpochMilli(), 36);
        List<LoadClient> loaders = IntStream.range(0, clients)
                .mapToObj(i -> new LoadClient(api, token, names + "-c" + i, board, i)).toList();

        System.gc();  // idle is what the started service keeps, not what starting it left behind
        long idleRss = ResidentMemory.bytesNow();
        AtomicLong peakRss = new AtomicLong(idleRss);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("rss sampler"));
        ExecutorService threads = Executors.newFixedThreadPool(clients, daemon("bench client"));
        try {
            sampler.scheduleAtFixedRate(() -> peakRss.accumulateAndGet(ResidentMemory.bytesNow(), Math::max), 0,
                    RSS_SAMPLING.toMillis(), TimeUnit.MILLISECONDS);
            Duration half = duration.dividedBy(2);
            Duration writing = phase(threads, loaders, half, LoadClient::write);
            long[] ids = loaders.stream().flatMap(loader -> loader.registered().stream()).mapToLong(Long::longValue).toArray();
            int listed = service.devices().size();  // a lasting database lists earlier runs' devices too
            Duration reading = phase(threads, loaders, half, loader -> loader.read(ids));
            peakRss.accumulateAndGet(ResidentMemory.bytesNow(), Math::max);
            ServiceBenchResult result = result(service, loaders, started, duration, writing, reading, listed, idleRss,
                    peakRss.get());
            ReportWriter.writeJson(result, result.file());
            return result;
        } finally {
            sampler.shutdownNow();
            threads.shutdownNow();
        }
    }

    /** Refuses a load the benchmark cannot measure, before anything is started for it. */
    public static void requireLoad(int clients, Duration duration) {
        if (clients < 1) {
            throw new TinymlException("the benchmark needs at least one client, not " + clients);
        }
        if (duration.toSeconds() < 2) {
            throw new TinymlException("the benchmark needs at least 2 seconds, not " + duration.toSeconds()
                    + ": the writes and the reads take half each");
        }
    }

    /** Every client repeats {@code step} until {@code length} has passed; returns how long the slowest client took. */
    private static Duration phase(ExecutorService threads, List<LoadClient> loaders, Duration length, Consumer<LoadClient> step) {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<?>> running = loaders.stream().<Future<?>>map(loader -> threads.submit(() -> {
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                step.accept(loader);
            }
        })).toList();
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a benchmark client failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TinymlException("the benchmark was interrupted", e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static ServiceBenchResult result(TinymlService service, List<LoadClient> loaders, Instant started, Duration duration,
                                             Duration writing, Duration reading, long devices, long idleRss, long peakRss) {
        String database = service.databaseKind().toLowerCase(Locale.ROOT);
        Path file = service.engine().layout().bench().resolve("service-" + database + ".json");
        LoadFigures writes = figures(loaders, loader -> loader.writes, writing);
        LoadFigures reads = figures(loaders, loader -> loader.deviceReads, reading);
        LoadFigures listings = figures(loaders, loader -> loader.listings, reading);
        String firstError = loaders.stream().flatMap(l -> Stream.of(l.writes, l.deviceReads, l.listings))
                .map(Latencies::firstError).filter(Objects::nonNull).findFirst().orElse(null);
        return new ServiceBenchResult(database, started.toString(), Runtime.getRuntime().availableProcessors(), loaders.size(),
                duration.toMillis() / 1000.0, writes, reads, listings, devices, idleRss, peakRss, firstError, file);
    }

    private static LoadFigures figures(List<LoadClient> loaders, Function<LoadClient, Latencies> kind, Duration phase) {
        return LoadFigures.of(loaders.stream().map(kind).toList(), phase);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
