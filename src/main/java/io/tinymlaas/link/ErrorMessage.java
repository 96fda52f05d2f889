package io.tinymlaas.link;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An ERROR a board sends: payload {@code code (uint8)} then UTF-8 text. The firmware's codes are the constants
 * below. After codes 1-4 and 7-9 it never acted on the rejected frame and keeps serving; after {@link #FAULT} and
 * {@link #STACK_OVERFLOW} it spins until restarted.
 *
 * @param code 0..255
 * @param text what went wrong, e.g. {@code bad crc}
 */
public record ErrorMessage(int code, String text) {

    /** A frame arrived whose CRC did not match ("bad crc"). */
    public static final int BAD_CRC = 1;
    /** A header announced more than 4096 payload bytes ("bad length"). */
    public static final int BAD_LENGTH = 2;
    /** An INFER's payload was not exactly the model's input size ("wrong input size"). */
    public static final int WRONG_INPUT_SIZE = 3;
    /** A frame of a type the board does not accept ("unknown type"). */
    public static final int UNKNOWN_TYPE = 4;
    /** The CPU faulted, e.g. "hard fault"; the board now spins and must be restarted. */
    public static final int FAULT = 5;
    /** The CPU faulted because the stack ran out ("stack overflow"); the board must be restarted. */
    public static final int STACK_OVERFLOW = 6;
    /** An INFER_CHUNK did not continue the input where it stood ("chunk out of order"); the model did not run. */
    public static final int BAD_CHUNK = 7;
    /** INFER_LOADED, but the board's frame buffer holds no {@link InputBatch} ("no inputs loaded"). */
    public static final int NO_INPUTS_LOADED = 8;
    /** INFER_LOADED named inputs past the loaded batch's end ("input index out of range"); none ran. */
    public static final int BAD_INPUT_INDEX = 9;

    public ErrorMessage {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("error code " + code + " is not a byte");
        }
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads the ERROR in {@code frame}.
     *
     * @throws LinkProtocolException if the frame is not an ERROR or has no code byte
     */
    public static ErrorMessage parse(Frame frame) {
        if (frame.type() != FrameType.ERROR) {
            throw new LinkProtocolException("expected an ERROR frame from the board, got " + frame);
        }
        byte[] payload = frame.payload();
        if (payload.length < 1) {
            throw new LinkProtocolException("ERROR payload must start with a 1-byte error code; got none");
        }
        return new ErrorMessage(payload[0] & 0xFF, new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8));
    }

    /** This message as the board sends it. */
    public Frame toFrame() {
        byte[] text = this.text.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[1 + text.length];
        payload[0] = (byte) code;
        System.arraycopy(text, 0, payload, 1, text.length);
        return new Frame(FrameType.ERROR, payload);
    }

    /** True for the codes after which the board no longer answers. */
    public boolean boardHalted() {
        return code == FAULT || code == STACK_OVERFLOW;
    }

    @Override
    public String toString() {
        return "board error " + code + ": " + text;
    }
}
