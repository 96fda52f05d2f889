package io.tinymlaas.device.firmware;

import io.tinymlaas.core.TinymlException;

/** The firmware does not fit the real board's flash or RAM: says which memory and by how many bytes. */
public class FirmwareTooBigException extends TinymlException {

    private final String memory;
    private final long needed;
    private final long available;

    public FirmwareTooBigException(String board, String memory, long needed, long available) {
        super(board + ": the firmware needs " + needed + " bytes of " + memory + ", the board has " + available
                + " (" + (needed - available) + " bytes too many)");
        this.memory = memory;
        this.needed = needed;
        this.available = available;
    }

    public String memory() {
        return memory;
    }

    public long overflowBytes() {
        return needed - available;
    }
}
