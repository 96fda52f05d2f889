package io.tinymlaas.link;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tensors larger than one frame. They travel as chunk frames ({@link FrameType#INFER_CHUNK},
 * {@link FrameType#RESULT_CHUNK}) whose payload is the byte offset (uint32 LE) followed by up to {@link #MAX_DATA}
 * bytes, in order from offset 0. Each chunk has its own CRC; the board answers a bad or missing chunk with one ERROR
 * and does not run the model. A tensor that fits one frame still travels as a single INFER or RESULT.
 */
public final class Chunks {

    /** The offset field in front of a chunk's data. */
    public static final int OFFSET_BYTES = 4;
    /** Most tensor bytes one chunk carries. */
    public static final int MAX_DATA = Frame.MAX_PAYLOAD - OFFSET_BYTES;
    /** Most output bytes the final RESULT carries after its instruction count. */
    static final int RESULT_DATA = Frame.MAX_PAYLOAD - 4;

    private Chunks() {
    }

    /** The frames that carry {@code input} to the board: one INFER when it fits, else INFER_CHUNKs. */
    public static List<Frame> inferFrames(byte[] input) {
        if (input.length <= Frame.MAX_PAYLOAD) {
            return List.of(new Frame(FrameType.INFER, input));
        }
        List<Frame> frames = new ArrayList<>();
        for (int offset = 0; offset < input.length; offset += MAX_DATA) {
            frames.add(chunk(FrameType.INFER_CHUNK, offset, input, Math.min(MAX_DATA, input.length - offset)));
        }
        return frames;
    }

    /** The chunk frame of {@code type} that carries {@code length} bytes of {@code tensor} from {@code offset}. */
    static Frame chunk(FrameType type, int offset, byte[] tensor, int length) {
        byte[] payload = new byte[OFFSET_BYTES + length];
        payload[0] = (byte) offset;
        payload[1] = (byte) (offset >>> 8);
        payload[2] = (byte) (offset >>> 16);
        payload[3] = (byte) (offset >>> 24);
        System.arraycopy(tensor, offset, payload, OFFSET_BYTES, length);
        return new Frame(type, payload);
    }

    /** The offset a chunk frame states. */
    static long offsetOf(byte[] payload) {
        return (payload[0] & 0xFFL) | (payload[1] & 0xFFL) << 8 | (payload[2] & 0xFFL) << 16 | (payload[3] & 0xFFL) << 24;
    }

    /**
     * Puts a board's answer to one inference back together: RESULT_CHUNKs in order from offset 0, then the RESULT
     * with the instruction count and the output's remaining bytes. One assembly per inference.
     */
    public static final class ResultAssembly {

        private final ByteArrayOutputStream output = new ByteArrayOutputStream();

        /**
         * Takes the board's next frame.
         *
         * @return the whole result once its RESULT has arrived, else empty (more chunks to come)
         * @throws LinkProtocolException if the frame is neither RESULT nor RESULT_CHUNK, or a chunk is out of order
         */
        public Optional<ResultMessage> accept(Frame frame) {
            Objects.requireNonNull(frame, "frame");
            byte[] payload = frame.payload();
            if (frame.type() == FrameType.RESULT_CHUNK) {
                if (payload.length <= OFFSET_BYTES || offsetOf(payload) != output.size()) {
                    throw new LinkProtocolException("RESULT_CHUNK out of order: expected " + output.size()
                            + " output bytes before it, it " + (payload.length < OFFSET_BYTES
                            ? "has no offset" : "starts at offset " + offsetOf(payload) + " with "
                            + (payload.length - OFFSET_BYTES) + " bytes"));
                }
                output.write(payload, OFFSET_BYTES, payload.length - OFFSET_BYTES);
                return Optional.empty();
            }
            ResultMessage last = ResultMessage.parse(frame);
            if (output.size() == 0) {
                return Optional.of(last);
            }
            byte[] tail = last.output();
            output.write(tail, 0, tail.length);
            return Optional.of(new ResultMessage(last.instructions(), output.toByteArray()));
        }
    }

    /** The frames a board sends for {@code result}: RESULT_CHUNKs for what does not fit the final RESULT. */
    static List<Frame> resultFrames(ResultMessage result) {
        byte[] output = result.output();
        List<Frame> frames = new ArrayList<>();
        int offset = 0;
        while (output.length - offset > RESULT_DATA) {
            frames.add(chunk(FrameType.RESULT_CHUNK, offset, output, MAX_DATA));
            offset += MAX_DATA;
        }
        frames.add(new ResultMessage(result.instructions(), Arrays.copyOfRange(output, offset, output.length))
                .toFrame());
        return frames;
    }
}
