package io.tinymlaas.link;

/**
 * A frame the decoder recognised but must not act on.
 *
 * @param reason         what was wrong
 * @param typeCode       the type byte as received (0..255)
 * @param declaredLength the payload length announced in the header (may exceed {@link Frame#MAX_PAYLOAD})
 * @param message        a sentence saying what was received and what the decoder did about it
 */
public record CorruptFrame(Reason reason, int typeCode, int declaredLength, String message) implements DecodeResult {

    /** Why a frame was rejected. */
    public enum Reason {
        /** The CRC on the wire does not match the frame's contents: the frame was skipped as a whole. */
        BAD_CRC,
        /** The header announced more than {@link Frame#MAX_PAYLOAD} bytes: decoding resumed just after its first sync byte. */
        BAD_LENGTH,
        /** The frame is intact but its type code is not part of the protocol. */
        UNKNOWN_TYPE
    }

    /** This rejection as an exception, for callers that treat any corruption as fatal. */
    public LinkProtocolException toException() {
        return new LinkProtocolException(message);
    }
}
