package io.tinymlaas.device.firmware;

import java.util.HexFormat;

/**
 * Intel HEX text for a flash image: 16-byte data records (type 00) at the image's address, an extended linear
 * address record (type 04) wherever the upper 16 address bits change, since a data record's address has only 16 bits,
 * and the end-of-file record (type 01). Every record ends in the two's complement of the sum of its bytes.
 */
public final class IntelHex {

    static final int RECORD_DATA_BYTES = 16;
    private static final int DATA = 0x00;
    private static final int END_OF_FILE = 0x01;
    private static final int EXTENDED_LINEAR_ADDRESS = 0x04;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private IntelHex() {
    }

    /** {@code image} placed at {@code address}, as lines separated by '\n' (the last one too). */
    public static String encode(byte[] image, long address) {
        if (address < 0 || address + image.length > 0x1_0000_0000L) {
            throw new IllegalArgumentException("an Intel HEX image must lie below 4 GiB: " + image.length + " bytes at " + address);
        }
        StringBuilder text = new StringBuilder();
        long upper = -1;
        int offset = 0;
        while (offset < image.length) {
            long at = address + offset;
            if (at >>> 16 != upper) {
                upper = at >>> 16;
                record(text, 0, EXTENDED_LINEAR_ADDRESS, new byte[] {(byte) (upper >>> 8), (byte) upper});
            }
            // A record never crosses a 64 KiB boundary: its 16-bit address would wrap.
            int length = (int) Math.min(Math.min(RECORD_DATA_BYTES, image.length - offset), 0x1_0000L - (at & 0xFFFF));
            byte[] data = new byte[length];
            System.arraycopy(image, offset, data, 0, length);
            record(text, (int) (at & 0xFFFF), DATA, data);
            offset += length;
        }
        record(text, 0, END_OF_FILE, new byte[0]);
        return text.toString();
    }

    private static void record(StringBuilder text, int address, int type, byte[] data) {
        byte[] bytes = new byte[4 + data.length + 1];
        bytes[0] = (byte) data.length;
        bytes[1] = (byte) (address >>> 8);
        bytes[2] = (byte) address;
        bytes[3] = (byte) type;
        System.arraycopy(data, 0, bytes, 4, data.length);
        int sum = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            sum += bytes[i] & 0xFF;
        }
        bytes[bytes.length - 1] = (byte) -sum;
        text.append(':').append(HEX.formatHex(bytes)).append('\n');
    }
}
