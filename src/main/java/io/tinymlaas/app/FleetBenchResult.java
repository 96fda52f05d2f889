package io.tinymlaas.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;

/**
 * The fleet benchmark: one row per fleet size, and the file it went to.
 *
 * @param rows one per fleet size, smallest first
 */
public record FleetBenchResult(String measuredAt, int cores, String board, String modelId, long inferMillis, long heartbeatMillis,
                               int perBridge, double seconds, List<Row> rows, @JsonIgnore Path file) {

    private static final double MIB = 1024 * 1024;

    /**
     * One fleet size, measured over {@code seconds} once every device was online.
     *
     * @param expectedPerSecond  what the devices would send at their schedule: one report per inference and per heartbeat
     * @param messagesPerSecond  reports the service stored per second
     * @param delayMedianMs      from a bridge sending a report (right after its device's inference) to the service storing it
     * @param online             devices online at the end
     * @param holds              every device online at the end and at least 95% of the expected reports stored
     * @param serverRssBytes     the JVM running the service (with its broker and this benchmark), at its peak
     * @param bridgeRssBytes     each bridge's JVM, at its peak
     * @param emulatorsRssBytes  all the devices' emulators together, at their peak
     * @param loadAverage        the machine's one-minute load average at the end (other work on the machine counts too)
     */
    public record Row(int devices, int bridges, double startSeconds, double expectedPerSecond, double messagesPerSecond,
                      double delayMedianMs, double delayP99Ms, double delayMaxMs, long duplicates, long online, boolean holds,
                      long serverRssBytes, List<Long> bridgeRssBytes, long emulatorsRssBytes, double loadAverage) {
    }

    public static String markdownHeader() {
        return "| devices | bridges | start s | messages/s (expected) | delay median / p99 / max ms | online | holds "
                + "| RSS server MiB | RSS per bridge MiB | RSS emulators MiB | load avg | cores | measured |\n"
                + "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|";
    }

    public List<String> markdownRows() {
        return rows.stream().map(row -> String.format("| %d | %d | %.0f | %.1f (%.1f) | %.1f / %.1f / %.1f | %d of %d | %s | %.0f | %s | %.0f | %.1f | %d | %s |",
                row.devices(), row.bridges(), row.startSeconds(), row.messagesPerSecond(), row.expectedPerSecond(), row.delayMedianMs(),
                row.delayP99Ms(), row.delayMaxMs(), row.online(), row.devices(), row.holds() ? "yes" : "no", row.serverRssBytes() / MIB,
                String.join(", ", row.bridgeRssBytes().stream().map(rss -> String.format("%.0f", rss / MIB)).toList()),
                row.emulatorsRssBytes() / MIB, row.loadAverage(), cores, measuredAt.substring(0, 10))).toList();
    }
}
