package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/**
 * A bridge: the process that runs one host's devices and reports for them over MQTT, under its own broker account. The
 * counts say what the service did with what it heard from it.
 *
 * @param accepted      reports stored
 * @param duplicates    reports heard before (the same device and sequence number), ignored
 * @param malformed     messages that were not a report, rejected
 * @param foreignDevice reports about a device that is not this bridge's, rejected
 */
public record BridgeAccount(long id, String name, List<Long> devices, Instant createdAt, Instant lastHeard, long accepted,
                            long duplicates, long malformed, long foreignDevice) {
}
