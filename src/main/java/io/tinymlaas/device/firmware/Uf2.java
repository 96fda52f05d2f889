package io.tinymlaas.device.firmware;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A flash image as a UF2 file, what the drive of a UF2 bootloader takes: one 512-byte block per 256 bytes of image,
 * each with the two start magic numbers, its flags (family id present), its flash address, its payload size (256),
 * its number and the block count, the family id, the payload (zero-padded to 476 bytes) and the end magic number, all
 * little-endian. The bootloader refuses blocks of another family, so an image cannot land on the wrong chip.
 */
public final class Uf2 {

    static final int BLOCK_BYTES = 512;
    static final int PAYLOAD_BYTES = 256;
    static final int MAGIC_START_0 = 0x0A324655;
    static final int MAGIC_START_1 = 0x9E5D5157;
    static final int MAGIC_END = 0x0AB16F30;
    static final int FLAG_FAMILY_ID_PRESENT = 0x00002000;
    private static final int DATA_OFFSET = 32;
    private static final int DATA_AREA_BYTES = 476;

    private Uf2() {
    }

    /** {@code image} placed at {@code address} (a multiple of 256) for bootloaders of family {@code familyId}. */
    public static byte[] encode(byte[] image, long address, long familyId) {
        if (address % PAYLOAD_BYTES != 0 || address < 0 || address + image.length > 0x1_0000_0000L) {
            throw new IllegalArgumentException("a UF2 image must start on a 256-byte boundary below 4 GiB, not at " + address);
        }
        int blocks = (image.length + PAYLOAD_BYTES - 1) / PAYLOAD_BYTES;
        ByteBuffer out = ByteBuffer.allocate(blocks * BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int block = 0; block < blocks; block++) {
            int start = block * BLOCK_BYTES;
            int from = block * PAYLOAD_BYTES;
            out.putInt(start, MAGIC_START_0)
                    .putInt(start + 4, MAGIC_START_1)
                    .putInt(start + 8, FLAG_FAMILY_ID_PRESENT)
                    .putInt(start + 12, (int) (address + from))
                    .putInt(start + 16, PAYLOAD_BYTES)
                    .putInt(start + 20, block)
                    .putInt(start + 24, blocks)
                    .putInt(start + 28, (int) familyId)
                    .put(start + DATA_OFFSET, image, from, Math.min(PAYLOAD_BYTES, image.length - from))
                    .putInt(start + DATA_OFFSET + DATA_AREA_BYTES, MAGIC_END);
        }
        return out.array();
    }
}
