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
 * @param simulatedFault a fault an operator asked this emulated device to show on its next flash ({@link #FAULTS}), or null
 */
public record Device(long id, String name, String board, String transport, String port, String location, List<String> tags,
                     Status status, Instant lastSeen, String firmwareSha256, String modelId, Instant registeredAt,
                     String simulatedFault) {

    public enum Status { REGISTERED, ONLINE, OFFLINE, UPDATING, FAILED }

    public static final List<String> TRANSPORTS = List.of("emulator", "serial");

    /** flash-interrupted: the flash stops halfway, leaving an image that cannot boot, as a power cut mid-update does. */
    public static final List<String> FAULTS = List.of("flash-interrupted");
}
