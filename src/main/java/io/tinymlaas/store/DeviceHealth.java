package io.tinymlaas.store;

import java.time.Instant;

/**
 * What a device's bridge last said about it: its latest heartbeat, what it runs, whether that is what it was assigned
 * (trusted), and its inference and error counts.
 */
public record DeviceHealth(long deviceId, Instant lastHeartbeat, long intervalMillis, String firmwareSha256, String modelHash,
                           boolean trusted, long inferences, long errors, String lastError) {
}
