package io.tinymlaas.device.firmware;

import java.nio.file.Path;

/** A linked firmware image for one board and its footprint: flash = text + data, RAM = data + bss (stack included). */
public record Firmware(Path elf, ProgramSize size, long flashLimit, long ramLimit) {

    public long flashBytes() {
        return size.flashBytes();
    }

    public long ramBytes() {
        return size.ramBytes();
    }
}
