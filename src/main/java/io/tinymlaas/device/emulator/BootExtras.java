package io.tinymlaas.device.emulator;

import java.nio.file.Path;

/**
 * What an emulator loads besides the firmware: {@code inputs}, an input batch file for the frame buffer (null: none);
 * {@code plugin}, a TCG plugin as QEMU's {@code -plugin} value, the library then its arguments (null: none).
 */
public record BootExtras(Path inputs, String plugin) {

    public static final BootExtras NONE = new BootExtras(null, null);
}
