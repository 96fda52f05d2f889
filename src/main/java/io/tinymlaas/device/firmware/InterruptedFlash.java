package io.tinymlaas.device.firmware;

import io.tinymlaas.core.TinymlException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a flash cut off halfway leaves in a board's memory: flash is erased before it is written, so everything after
 * the point where writing stopped reads as erased (0xFF). Applied to the loadable segments of a 32-bit ELF image, the
 * form in which the emulator is given firmware; the symbols and debug sections, which never reach flash, stay as they
 * were.
 */
public final class InterruptedFlash {

    private static final int PT_LOAD = 1;
    private static final byte ERASED = (byte) 0xFF;

    private InterruptedFlash() {
    }

    /** The image with the bytes of its loadable segments erased from {@code writtenShare} (0 to 1) of their total on. */
    public static byte[] of(byte[] elf, double writtenShare) {
        ByteBuffer header = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 52 || header.getInt(0) != 0x464C457F || elf[4] != 1 || elf[5] != 1) {
            throw new TinymlException("not a 32-bit little-endian ELF image, as Cortex-M firmware is");
        }
        int tableOffset = header.getInt(0x1C);
        int entrySize = Short.toUnsignedInt(header.getShort(0x2A));
        int entries = Short.toUnsignedInt(header.getShort(0x2C));
        long total = 0;
        for (int i = 0; i < entries; i++) {
            int entry = tableOffset + i * entrySize;
            total += header.getInt(entry) == PT_LOAD ? Integer.toUnsignedLong(header.getInt(entry + 16)) : 0;
        }
        long written = (long) (total * writtenShare);
        byte[] flashed = elf.clone();
        for (int i = 0; i < entries; i++) {
            int entry = tableOffset + i * entrySize;
            if (header.getInt(entry) != PT_LOAD) {
                continue;
            }
            int offset = header.getInt(entry + 4);
            int size = header.getInt(entry + 16);
            int keep = (int) Math.max(0, Math.min(size, written));
            Arrays.fill(flashed, offset + keep, offset + size, ERASED);
            written -= size;
        }
        return flashed;
    }
}
