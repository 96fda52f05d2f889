package io.tinymlaas.device.firmware;

import java.nio.file.Path;
import java.util.List;

/**
 * Firmware for a real board: the linked program (footprint against the application's flash and RAM), the image files a
 * person flashes (the first is the one {@code flashCommand} takes), and that command.
 */
public record DeviceFirmware(Firmware firmware, List<Path> images, String flashCommand) {

    public DeviceFirmware {
        images = List.copyOf(images);
    }
}
