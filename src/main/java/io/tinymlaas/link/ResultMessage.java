package io.tinymlaas.link;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A board's answer to INFER: payload {@code instructions (uint32 little-endian)} then the output tensor's bytes.
 *
 * @param instructions instructions the inference executed, as counted by the firmware (0..4,294,967,295; under
 *                     QEMU {@code -icount shift=0} an exact instruction count, on silicon cycles)
 * @param output       the output tensor's bytes (int8 tensors: one signed byte per element)
 */
public record ResultMessage(long instructions, byte[] output) {

    /** Largest value the 32-bit field can hold. */
    public static final long MAX_INSTRUCTIONS = 0xFFFF_FFFFL;

    public ResultMessage {
        if (instructions < 0 || instructions > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException("instructions " + instructions + " do not fit an unsigned 32-bit field");
        }
        output = output.clone();
    }

    /**
     * Reads the RESULT in {@code frame}.
     *
     * @throws LinkProtocolException if the frame is not a RESULT or is shorter than the 4-byte instruction count
     */
    public static ResultMessage parse(Frame frame) {
        if (frame.type() != FrameType.RESULT) {
            throw new LinkProtocolException("expected a RESULT frame from the board, got " + frame);
        }
        return parse(frame.payload());
    }

    /** Reads a RESULT payload; see {@link #parse(Frame)}. */
    public static ResultMessage parse(byte[] payload) {
        if (payload.length < 4) {
            throw new LinkProtocolException("RESULT payload must start with a 4-byte instruction count; got "
                    + payload.length + " byte(s)");
        }
        long instructions = (payload[0] & 0xFFL) | (payload[1] & 0xFFL) << 8 | (payload[2] & 0xFFL) << 16
                | (payload[3] & 0xFFL) << 24;
        return new ResultMessage(instructions, Arrays.copyOfRange(payload, 4, payload.length));
    }

    /** A copy of the output tensor's bytes. */
    @Override
    public byte[] output() {
        return output.clone();
    }

    /** This message as the board sends it: RESULT_CHUNKs for an output too long for one frame, then the RESULT. */
    public List<Frame> toFrames() {
        return Chunks.resultFrames(this);
    }

    /**
     * This message as one RESULT frame.
     *
     * @throws IllegalArgumentException if the output does not fit one frame (see {@link #toFrames()})
     */
    public Frame toFrame() {
        byte[] payload = new byte[4 + output.length];
        payload[0] = (byte) instructions;
        payload[1] = (byte) (instructions >>> 8);
        payload[2] = (byte) (instructions >>> 16);
        payload[3] = (byte) (instructions >>> 24);
        System.arraycopy(output, 0, payload, 4, output.length);
        return new Frame(FrameType.RESULT, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultMessage other && instructions == other.instructions
                && Arrays.equals(output, other.output);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(instructions) + Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "ResultMessage[instructions=" + instructions + ", output=" + HexFormat.of().formatHex(output) + "]";
    }
}
