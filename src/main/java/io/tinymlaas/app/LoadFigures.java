package io.tinymlaas.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One kind of request under load: how many were answered per second of the phase, their median and 99th-percentile
 * latency (nearest rank), and how many failed (a transport error or a status other than 2xx).
 */
public record LoadFigures(long requests, double perSecond, double medianMs, double p99Ms, int errors) {

    static LoadFigures of(List<Latencies> clients, Duration phase) {
        long[] all = clients.stream().map(Latencies::nanos).flatMapToLong(Arrays::stream).sorted().toArray();
        int errors = clients.stream().mapToInt(Latencies::errors).sum();
        double seconds = phase.toNanos() / 1e9;
        return new LoadFigures(all.length, all.length / seconds, millis(percentile(all, 50)), millis(percentile(all, 99)), errors);
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code percent}% of them at or
     * below it; 0 of none, so a phase with no answers still gives a row.
     */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
