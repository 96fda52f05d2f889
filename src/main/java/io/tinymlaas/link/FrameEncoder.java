package io.tinymlaas.link;

import java.util.Objects;

/** Turns frames into the bytes that go on the wire. Stateless. */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /** The wire bytes of {@code frame}: sync, type, length, payload, CRC. */
    public static byte[] encode(Frame frame) {
        return encodeRaw(frame.type().code(), frame.payload());
    }

    /** The wire bytes of a frame of {@code type} carrying {@code payload}. */
    public static byte[] encode(FrameType type, byte[] payload) {
        return encodeRaw(type.code(), payload);
    }

    /**
     * The wire bytes of a frame with any type byte, including codes the protocol does not define (for testing
     * how a board answers them).
     *
     * @throws IllegalArgumentException if {@code typeCode} is not 0..255 or the payload exceeds {@link Frame#MAX_PAYLOAD}
     */
    public static byte[] encodeRaw(int typeCode, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (typeCode < 0 || typeCode > 0xFF) {
            throw new IllegalArgumentException("frame type code " + typeCode + " is not a byte");
        }
        if (payload.length > Frame.MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "payload of " + payload.length + " bytes exceeds the " + Frame.MAX_PAYLOAD + "-byte frame limit");
        }
        byte[] out = new byte[Frame.OVERHEAD + payload.length];
        out[0] = (byte) Frame.SYNC0;
        out[1] = (byte) Frame.SYNC1;
        out[2] = (byte) typeCode;
        out[3] = (byte) payload.length;
        out[4] = (byte) (payload.length >>> 8);
        System.arraycopy(payload, 0, out, Frame.HEADER_BYTES, payload.length);
        int crc = Crc16.compute(out, 2, 3 + payload.length);
        out[Frame.HEADER_BYTES + payload.length] = (byte) crc;
        out[Frame.HEADER_BYTES + payload.length + 1] = (byte) (crc >>> 8);
        return out;
    }
}
