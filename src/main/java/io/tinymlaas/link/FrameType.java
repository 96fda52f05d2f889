package io.tinymlaas.link;

import java.util.Optional;

/** The message types of the link protocol, with their wire codes. */
public enum FrameType {
    /** Board to host: board id, NUL, firmware version, NUL, model hash. Host to board (empty): send HELLO again. */
    HELLO(0x01),
    /** Host to board: the input tensor's bytes. */
    INFER(0x02),
    /** Board to host: instructions used by the inference (uint32 LE), then the output tensor's bytes. */
    RESULT(0x03),
    /** Board to host: an error code (uint8), then UTF-8 text. */
    ERROR(0x04),
    /** Host to board: are you there? (payload ignored). */
    PING(0x05),
    /** Board to host: the answer to PING (empty). */
    PONG(0x06),
    /**
     * Host to board: part of an input tensor too large for one INFER: byte offset (uint32 LE), then data. The
     * chunk that completes the input runs the model.
     */
    INFER_CHUNK(0x07),
    /** Board to host: part of an output tensor too large for one RESULT, sent before it: offset, then data. */
    RESULT_CHUNK(0x08),
    /**
     * Host to board: run inputs of the {@link InputBatch} an emulator placed in the board's frame buffer: first index
     * (uint32 LE), then count (uint32 LE). The board answers one RESULT (RESULT_CHUNKs first when long) per input.
     */
    INFER_LOADED(0x09);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The type byte on the wire. */
    public int code() {
        return code;
    }

    /** The type whose wire code is {@code code}, or empty if the protocol defines none. */
    public static Optional<FrameType> fromCode(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
