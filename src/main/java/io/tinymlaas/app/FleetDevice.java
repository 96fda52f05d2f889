package io.tinymlaas.app;

import java.time.Instant;

/**
 * One device as the fleet sees it: its status, the bridge that runs it, and what it last reported against what it was
 * assigned.
 *
 * @param bridge            the bridge that runs it; null when none does
 * @param assignedModelHash the model hash of the image in its flash (what a rollout verified); null before any
 * @param reportedModelHash the model hash its firmware last reported; null before its first heartbeat
 * @param trusted           false when it reports a model other than the one assigned
 */
public record FleetDevice(long id, String name, String board, String status, String modelId, String bridge, Instant lastHeartbeat,
                          String firmwareSha256, String assignedModelHash, String reportedModelHash, boolean trusted,
                          long inferences, long errors, String lastError) {
}
