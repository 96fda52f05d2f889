package io.tinymlaas.app;

import java.util.List;

/**
 * What an operator gives to register a device.
 *
 * @param transport "emulator" (the service starts the board's emulator) or "serial" (a real board on {@code port})
 * @param location  free text, e.g. "line 3, cabinet B"; may be empty
 * @param tags      free labels to group devices by; may be empty
 */
public record DeviceRegistration(String name, String board, String transport, String port, String location, List<String> tags) {
}
