package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/**
 * A registered IoT device: its board, how the service reaches it (an emulator here, or a serial port), where it is,
 * and what it last reported running.
 *
 * @param transport "emulator" or "serial"
 * @param port      the serial port for a serial device; null for an emulated one
 * @param status    {@link Status}
 */
public record Device(long id, String name, String board, String transport, String port, String location, List<String> tags,
                     Status status, Instant lastSeen, String firmwareSha256, String modelId, Instant registeredAt) {

    public enum Status { REGISTERED, ONLINE, OFFLINE, UPDATING, FAILED }

    public static final List<String> TRANSPORTS = List.of("emulator", "serial");
}
