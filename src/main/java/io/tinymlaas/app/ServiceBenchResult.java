package io.tinymlaas.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;

/**
 * A service benchmark: the database ("h2" or "postgresql"), the load, the figures per kind of request, the resident
 * memory of the JVM that ran the server (and the clients) idle and at its peak under load, and the file it went to.
 *
 * @param devicesListed how many devices each listing returned: all that the write phase registered
 * @param firstError    what the first failed request was asked and answered; null when none failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceBenchResult(String database, String measuredAt, int cores, int clients, double seconds, LoadFigures writes,
                                 LoadFigures reads, LoadFigures listings, long devicesListed, long idleRssBytes, long peakRssBytes,
                                 String firstError, @JsonIgnore Path file) {

    private static final double MIB = 1024 * 1024;

    @JsonIgnore
    public int errors() {
        return writes.errors() + reads.errors() + listings.errors();
    }

    public static String markdownHeader() {
        return "| database | writes/s | write median / p99 ms | reads/s | read median / p99 ms | listings/s (devices each) "
                + "| listing median / p99 ms | errors | RSS idle / under load MiB | clients | cores | measured |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
    }

    public String markdownRow() {
        return String.format("| %s | %.0f | %.2f / %.2f | %.0f | %.2f / %.2f | %.1f (%,d) | %.1f / %.1f | %d | %.0f / %.0f | %d | %d | %s |",
                database.equals("h2") ? "H2 (embedded)" : "PostgreSQL", writes.perSecond(), writes.medianMs(), writes.p99Ms(),
                reads.perSecond(), reads.medianMs(), reads.p99Ms(), listings.perSecond(), devicesListed, listings.medianMs(),
                listings.p99Ms(), errors(), idleRssBytes / MIB, peakRssBytes / MIB, clients, cores, measuredAt.substring(0, 10));
    }
}
