package io.tinymlaas.app;

import io.tinymlaas.store.FleetAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance, for the CEO's dashboard: every figure a chart needs, as of {@code at}.
 *
 * @param byStatus            devices per status: online, offline, updating, failed, registered (every key, zeros too)
 * @param byBoard             devices per board, and how many of them are online, offline, updating, failed
 * @param models              the model versions devices run (as last verified or reported), with how many run each
 * @param inferencesPerMinute inferences the fleet reported in the last minute
 * @param reportsPerMinute    heartbeats and telemetry reports the service stored in the last minute
 * @param latency             per board over the last minute: inferences, and latency at the board's clock
 * @param failures            the last 30 minutes, one entry per minute, oldest first: inference errors and alerts raised
 * @param alerts              open alerts first, newest first, then the latest cleared (at most 20)
 * @param untrusted           devices reporting a model other than the one assigned to them
 * @param messages            what the service did with what it heard, over every bridge
 */
public record FleetSummary(Instant at, long devices, Map<String, Long> byStatus, List<BoardCount> byBoard, List<ModelInField> models,
                           long inferencesPerMinute, long reportsPerMinute, List<BoardLatency> latency, List<FailureMinute> failures,
                           List<FleetAlert> alerts, long untrusted, Messages messages) {

    public record BoardCount(String board, long devices, long online, long offline, long updating, long failed) {
    }

    public record ModelInField(String modelId, long devices, long online) {
    }

    /** Latency at the board's stock clock, taking one instruction per cycle; null when the board reported no inference. */
    public record BoardLatency(String board, long inferences, long errors, Double meanMicros, Double maxMicros,
                               Double meanInstructions) {
    }

    public record FailureMinute(Instant minute, long errors, long alerts) {
    }

    /**
     * @param accepted      reports stored
     * @param duplicates    reports delivered again (the same device and sequence number), ignored
     * @param malformed     messages that were not reports, rejected
     * @param foreignDevice reports naming a device that is not the sending bridge's, rejected
     */
    public record Messages(long accepted, long duplicates, long malformed, long foreignDevice) {
    }
}
