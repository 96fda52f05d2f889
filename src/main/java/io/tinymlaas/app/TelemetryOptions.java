package io.tinymlaas.app;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.telemetry.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which MQTT broker the fleet reports to: one the service starts on {@code host:port} (Mosquitto, its files in
 * {@code folder}, or the embedded Moquette), or an external one at {@code brokerUrl} (e.g. a Mosquitto of one's own,
 * tcp://host:1883) that the service joins as {@code serviceUser} with {@code servicePassword}.
 *
 * @param port        0: a free one
 * @param keepReports how long each report is kept in the registry; older ones are deleted once a minute
 */
public record TelemetryOptions(Broker broker, String brokerUrl, String host, int port, Path folder, String serviceUser,
                               String servicePassword, Duration keepReports) {

    /** A day of reports: at 1.5 per device per second, about 130,000 rows per device. */
    public static final Duration KEEP_REPORTS = Duration.ofHours(24);
    /** The dashboard's failures chart covers the last 30 minutes of reports. */
    public static final Duration KEEP_REPORTS_AT_LEAST = Duration.ofMinutes(FleetView.FAILURE_MINUTES);

    public enum Broker {
        /** Eclipse Mosquitto, started by the service with accounts and an ACL it manages. */
        MOSQUITTO,
        /** Moquette in the service's own process: nothing to install. */
        MOQUETTE,
        /** One the service only joins; its accounts are managed there. */
        EXTERNAL
    }

    public static TelemetryOptions moquette(String host, int port) {
        return new TelemetryOptions(Broker.MOQUETTE, null, host, port, null, null, null, KEEP_REPORTS);
    }

    public static TelemetryOptions mosquitto(String host, int port, Path folder) {
        return new TelemetryOptions(Broker.MOSQUITTO, null, host, port, folder, null, null, KEEP_REPORTS);
    }

    /** Mosquitto when it is installed, else the embedded Moquette. */
    public static TelemetryOptions startedBroker(String host, int port, Path folder) {
        return MosquittoBroker.installed().isPresent() ? mosquitto(host, port, folder) : moquette(host, port);
    }

    public static TelemetryOptions external(String brokerUrl, String serviceUser, String servicePassword) {
        return new TelemetryOptions(Broker.EXTERNAL, brokerUrl, null, 0, null, serviceUser, servicePassword, KEEP_REPORTS);
    }

    /** These options, keeping each report {@code keep} (at least {@link #KEEP_REPORTS_AT_LEAST}). */
    public TelemetryOptions keepingReports(Duration keep) {
        if (keep.compareTo(KEEP_REPORTS_AT_LEAST) < 0) {
            throw new TinymlException("reports must be kept at least " + KEEP_REPORTS_AT_LEAST.toMinutes() + " minutes (the "
                    + "dashboard's failures chart covers that long), not " + keep.toMinutes());
        }
        return new TelemetryOptions(broker, brokerUrl, host, port, folder, serviceUser, servicePassword, keep);
    }
}
