package io.tinymlaas.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.util.List;

/**
 * What a bridge says about one of its devices, as one JSON message. A heartbeat says the device is there and what it runs;
 * a telemetry report gives one scheduled inference's figures. The sequence number is the device's own and only grows, so a
 * message delivered twice (QoS 1 promises at least once) is recognised.
 *
 * @param sentAtMillis   when the bridge sent it, epoch milliseconds
 * @param state          heartbeats: {@link #RUNNING} or {@link #FAILED} (the device does not boot or answer)
 * @param intervalMillis heartbeats: how often the next ones come, so the service knows when one is missed
 * @param instructions   telemetry: instructions the inference took, as the firmware counted them
 * @param latencyMicros  telemetry: that many instructions at the real board's clock
 * @param error          what went wrong, when something did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String kind, long deviceId, long seq, long sentAtMillis, String state, String firmwareSha256, String modelHash,
                     Long intervalMillis, Integer inferences, Integer errors, Long instructions, Double latencyMicros,
                     String error) {

    public static final String HEARTBEAT = "heartbeat";
    public static final String TELEMETRY = "telemetry";
    public static final String RUNNING = "running";
    public static final String FAILED = "failed";

    /** A field left out reads as null (or 0 for a number the record needs, which the checks refuse). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA256 = "[0-9a-f]{64}";

    /** A message that is not a report, and why. */
    public static final class MalformedReport extends TinymlException {
        MalformedReport(String message) {
            super(message);
        }
    }

    public static Report heartbeat(long deviceId, long seq, String state, String firmwareSha256, String modelHash,
                                   long intervalMillis, String error) {
        return new Report(HEARTBEAT, deviceId, seq, System.currentTimeMillis(), state, firmwareSha256, modelHash, intervalMillis,
                null, null, null, null, error);
    }

    public static Report telemetry(long deviceId, long seq, String firmwareSha256, String modelHash, boolean failed,
                                   Long instructions, Double latencyMicros, String error) {
        return new Report(TELEMETRY, deviceId, seq, System.currentTimeMillis(), null, firmwareSha256, modelHash, null, 1,
                failed ? 1 : 0, instructions, latencyMicros, error);
    }

    /** Reads and checks a message; anything else is a {@link MalformedReport} saying what is wrong. */
    public static Report parse(byte[] payload) {
        Report report;
        try {
            report = JSON.readValue(payload, Report.class);
        } catch (IOException e) {
            throw new MalformedReport("not a report: " + (e instanceof JsonProcessingException json ? json.getOriginalMessage()
                    : e.getMessage()));
        }
        if (report == null) {
            throw new MalformedReport("not a report: the message is JSON null");
        }
        report.check();
        return report;
    }

    private void check() {
        require(List.of(HEARTBEAT, TELEMETRY).contains(kind), "kind is '" + kind + "', neither heartbeat nor telemetry");
        require(deviceId > 0, "deviceId must be a device's id, not " + deviceId);
        require(seq > 0, "seq must be positive, not " + seq);
        require(sentAtMillis > 0, "sentAtMillis must be an instant in epoch milliseconds, not " + sentAtMillis);
        boolean failedHeartbeat = kind.equals(HEARTBEAT) && FAILED.equals(state);
        require(failedHeartbeat && firmwareSha256 == null || firmwareSha256 != null && firmwareSha256.matches(SHA256),
                "firmwareSha256 must be 64 lowercase hex digits, not " + firmwareSha256);
        require(failedHeartbeat && modelHash == null || modelHash != null && modelHash.matches(SHA256),
                "modelHash must be 64 lowercase hex digits, not " + modelHash);
        if (kind.equals(HEARTBEAT)) {
            require(RUNNING.equals(state) || FAILED.equals(state), "a heartbeat's state is running or failed, not " + state);
            require(intervalMillis != null && intervalMillis > 0, "a heartbeat needs intervalMillis > 0, not " + intervalMillis);
        } else {
            require(inferences != null && inferences >= 0, "telemetry needs inferences >= 0, not " + inferences);
            require(errors != null && errors >= 0, "telemetry needs errors >= 0, not " + errors);
            require(instructions == null || instructions >= 0, "instructions cannot be negative: " + instructions);
            require(latencyMicros == null || latencyMicros >= 0 && Double.isFinite(latencyMicros),
                    "latencyMicros must be a finite number >= 0, not " + latencyMicros);
        }
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new MalformedReport(message);
        }
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serializes", e);
        }
    }
}
