package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/**
 * A model rolled out to devices in groups: after each group, the share of devices that failed is held against the
 * error threshold, and the rollout stops when it is over.
 *
 * @param status RUNNING, COMPLETED (every device was tried) or STOPPED (over the threshold; the rest were not touched)
 */
public record Rollout(long id, String modelId, int groupSize, double errorThreshold, String status, String detail,
                      String createdBy, Instant createdAt, Instant endedAt, List<DeviceUpdate> devices) {

    /**
     * What the rollout did to one device.
     *
     * @param status VERIFIED (runs the model, checked), ROLLED_BACK (verification failed; runs its previous firmware again),
     *               REFUSED (nothing flashed, e.g. the model does not fit the board), FAILED (left without working
     *               firmware) or SKIPPED (not tried: the rollout had stopped)
     */
    public record DeviceUpdate(long deviceId, String deviceName, int group, String status, String detail, double seconds) {
    }
}
