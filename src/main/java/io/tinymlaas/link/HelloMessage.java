package io.tinymlaas.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The HELLO a board sends on boot (and whenever the host sends it an empty HELLO): payload
 * {@code boardId NUL firmwareVersion NUL modelHash}, ASCII/UTF-8, without a trailing NUL (one is tolerated).
 *
 * @param boardId         the board id the firmware was built for, e.g. {@code mps2-an386}
 * @param firmwareVersion the runtime's version, e.g. {@code 0.1.0}
 * @param modelHash       SHA-256 (64 lowercase hex characters) of the .tflite the firmware's model was compiled from
 */
public record HelloMessage(String boardId, String firmwareVersion, String modelHash) {

    public HelloMessage {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(modelHash, "modelHash");
        for (String field : List.of(boardId, firmwareVersion, modelHash)) {
            if (field.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("HELLO fields cannot contain NUL: " + field);
            }
        }
    }

    /**
     * Reads the HELLO in {@code frame}.
     *
     * @throws LinkProtocolException if the frame is not a HELLO or its payload does not hold three NUL-separated fields
     */
    public static HelloMessage parse(Frame frame) {
        if (frame.type() != FrameType.HELLO) {
            throw new LinkProtocolException("expected a HELLO frame from the board, got " + frame);
        }
        return parse(frame.payload());
    }

    /** Reads a HELLO payload; see {@link #parse(Frame)}. */
    public static HelloMessage parse(byte[] payload) {
        int end = payload.length;
        if (end > 0 && payload[end - 1] == 0) {
            end--;
        }
        List<String> fields = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || payload[i] == 0) {
                fields.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (fields.size() != 3) {
            throw new LinkProtocolException("HELLO payload must be board id, NUL, firmware version, NUL, model hash; got "
                    + fields.size() + " field(s): " + fields);
        }
        return new HelloMessage(fields.get(0), fields.get(1), fields.get(2));
    }

    /** True when {@link #modelHash()} looks like a SHA-256: 64 lowercase hex characters. */
    public boolean hasSha256ModelHash() {
        return modelHash.matches("[0-9a-f]{64}");
    }

    /** This message as the board sends it. */
    public Frame toFrame() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(boardId.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(firmwareVersion.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(modelHash.getBytes(StandardCharsets.UTF_8));
        return new Frame(FrameType.HELLO, out.toByteArray());
    }
}
