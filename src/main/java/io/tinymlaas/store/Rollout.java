package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/**
 * A model rolled out to devices in groups: after each group, the share of devices that failed is held against the
 * error threshold, and the rollout stops when it is over.
 *
 * @param status QUEUED, RUNNING, CANCELLING (cancelled while running: it stops before its next device), COMPLETED (every
 *               device was tried), STOPPED (over the threshold; the rest were not touched) or CANCELLED
 */
public record Rollout(long id, String modelId, int groupSize, double errorThreshold, String status, String detail,
                      String createdBy, Instant createdAt, Instant endedAt, List<DeviceUpdate> devices) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String STOPPED = "STOPPED";
    public static final String CANCELLING = "CANCELLING";
    public static final String CANCELLED = "CANCELLED";

    public boolean ended() {
        return status.equals(COMPLETED) || status.equals(STOPPED) || status.equals(CANCELLED);
    }

    /**
     * What the rollout did to one device.
     *
     * @param status PENDING (not updated yet), VERIFIED (runs the model, checked), ROLLED_BACK (verification failed; runs its previous firmware again),
     *               REFUSED (nothing flashed, e.g. the model does not fit the board), FAILED (left without working
     *               firmware) or SKIPPED (not tried: the rollout had stopped)
     */
    public record DeviceUpdate(long deviceId, String deviceName, int group, String status, String detail, double seconds) {

        public static final String PENDING = "PENDING";
        public static final String VERIFIED = "VERIFIED";
        public static final String SKIPPED = "SKIPPED";

        public boolean failed() {
            return !status.equals(PENDING) && !status.equals(VERIFIED) && !status.equals(SKIPPED);
        }
    }
}
