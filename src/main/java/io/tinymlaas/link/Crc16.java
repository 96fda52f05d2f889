package io.tinymlaas.link;

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. The check value
 * (the CRC of the ASCII bytes {@code "123456789"}) is 0x29B1.
 */
public final class Crc16 {

    /** The register's value before the first byte. */
    public static final int INIT = 0xFFFF;

    private static final int POLYNOMIAL = 0x1021;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** Feeds one byte into the register {@code crc} (0..0xFFFF) and returns the new register. */
    public static int update(int crc, byte b) {
        return ((crc << 8) ^ TABLE[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
    }

    /** Feeds {@code length} bytes of {@code data} from {@code offset} into the register {@code crc}. */
    public static int update(int crc, byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        for (int i = offset; i < offset + length; i++) {
            crc = update(crc, data[i]);
        }
        return crc;
    }

    /** The CRC of all of {@code data}. */
    public static int compute(byte[] data) {
        return update(INIT, data, 0, data.length);
    }

    /** The CRC of {@code length} bytes of {@code data} from {@code offset}. */
    public static int compute(byte[] data, int offset, int length) {
        return update(INIT, data, offset, length);
    }
}
