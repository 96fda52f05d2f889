package io.tinymlaas.device.emulator;

import io.tinymlaas.link.InputBatch;
import java.nio.file.Path;

/**
 * Memory of an emulated machine outside the firmware's RAM region where the emulator loads an {@link InputBatch}
 * before boot, as a camera's or microphone's DMA fills a frame buffer on a real board; the firmware runs those
 * inputs on request (INFER_LOADED), so only commands and results cross the emulated UART. Being outside RAM, it
 * takes nothing from the real board's RAM limit, which the model must still fit.
 *
 * @param origin where it starts in the machine's address space
 * @param bytes  its size; 0 for {@link #NONE}
 */
public record FrameBuffer(long origin, long bytes) {

    /** No frame buffer: inputs go over the UART (real boards, Renode). */
    public static final FrameBuffer NONE = new FrameBuffer(0, 0);

    public boolean present() {
        return bytes > 0;
    }

    public boolean holds(InputBatch batch) {
        return batch.bytes() <= bytes;
    }

    /**
     * Writes {@code batch} to {@code file} for the emulator to load at {@link #origin()}.
     *
     * @throws EmulatorException naming the bytes when the batch does not fit
     */
    public Path write(InputBatch batch, Path file) {
        if (!holds(batch)) {
            throw new EmulatorException(batch.count() + " inputs of " + batch.inputBytes() + " B need " + batch.bytes()
                    + " bytes of frame buffer (with the " + InputBatch.HEADER_BYTES + "-byte header), the frame buffer at 0x"
                    + Long.toHexString(origin).toUpperCase() + " has " + bytes + " (" + (batch.bytes() - bytes)
                    + " bytes too many)");
        }
        return batch.write(file);
    }
}
