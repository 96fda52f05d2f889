package io.tinymlaas.link;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One message of the link protocol: its type and payload (at most {@link #MAX_PAYLOAD} bytes). The payload
 * array is copied in and out, so a frame is immutable.
 */
public record Frame(FrameType type, byte[] payload) implements DecodeResult {

    /** First sync byte. */
    public static final int SYNC0 = 0xA5;
    /** Second sync byte. */
    public static final int SYNC1 = 0x5A;
    /** Largest payload a frame may carry. */
    public static final int MAX_PAYLOAD = 4096;
    /** Sync (2) + type (1) + length (2). */
    public static final int HEADER_BYTES = 5;
    /** Header plus the CRC (2): a frame's size is {@code OVERHEAD + payload length}. */
    public static final int OVERHEAD = HEADER_BYTES + 2;

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    type + " payload of " + payload.length + " bytes exceeds the " + MAX_PAYLOAD + "-byte frame limit");
        }
        payload = payload.clone();
    }

    /** A frame of {@code type} with the given payload bytes (none for an empty payload). */
    public static Frame of(FrameType type, byte... payload) {
        return new Frame(type, payload);
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload length, without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame other && type == other.type && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        int shown = Math.min(payload.length, 32);
        String hex = HexFormat.of().formatHex(payload, 0, shown);
        return "Frame[" + type + ", " + payload.length + " bytes" + (payload.length == 0 ? "" : ": " + hex)
                + (shown < payload.length ? "..." : "") + "]";
    }
}
