package io.tinymlaas.store;

import java.time.Instant;

/**
 * A firmware image in an emulated device's flash: the running one (slot "active") or the one before it ("previous"),
 * which a failed update is rolled back to.
 */
public record DeviceImage(long deviceId, String slot, String modelId, String modelHash, String sha256, int inputBytes,
                          long textBytes, long dataBytes, long bssBytes, byte[] image, Instant flashedAt) {

    public static final String ACTIVE = "active";
    public static final String PREVIOUS = "previous";
}
