package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunksTest {

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Encodes each frame, feeds the bytes through a decoder, returns what came out. */
    private static List<Frame> overTheWire(List<Frame> frames) {
        FrameDecoder decoder = new FrameDecoder();
        List<Frame> decoded = new ArrayList<>();
        for (Frame frame : frames) {
            decoder.feed(FrameEncoder.encode(frame)).forEach(r -> decoded.add((Frame) r));
        }
        return decoded;
    }

    @Test
    void anInputThatFitsOneFrameStaysOneInfer() {
        byte[] input = randomBytes(Frame.MAX_PAYLOAD, 1);
        assertThat(Chunks.inferFrames(input)).containsExactly(new Frame(FrameType.INFER, input));
    }

    @Test
    void aPersonDetectionInputTravelsAsThreeChunksWithOffsetsThatReassembleIt() {
        byte[] input = randomBytes(96 * 96, 2);
        List<Frame> frames = overTheWire(Chunks.inferFrames(input));

        assertThat(frames).extracting(Frame::type).containsOnly(FrameType.INFER_CHUNK).hasSize(3);
        assertThat(frames).extracting(f -> Chunks.offsetOf(f.payload())).containsExactly(0L, 4092L, 8184L);
        assertThat(frames).extracting(Frame::payloadLength).containsExactly(4096, 4096, 96 * 96 - 8184 + 4);
        byte[] reassembled = new byte[input.length];
        for (Frame f : frames) {
            byte[] p = f.payload();
            System.arraycopy(p, Chunks.OFFSET_BYTES, reassembled, (int) Chunks.offsetOf(p), p.length - Chunks.OFFSET_BYTES);
        }
        assertThat(reassembled).isEqualTo(input);
    }

    @Test
    void aLongOutputComesBackAsResultChunksAndAResultAndIsReassembledWithItsInstructionCount() {
        ResultMessage result = new ResultMessage(22_580_000L, randomBytes(10_000, 3));
        List<Frame> frames = overTheWire(result.toFrames());

        assertThat(frames).extracting(Frame::type)
                .containsExactly(FrameType.RESULT_CHUNK, FrameType.RESULT_CHUNK, FrameType.RESULT);
        Chunks.ResultAssembly assembly = new Chunks.ResultAssembly();
        assertThat(assembly.accept(frames.get(0))).isEmpty();
        assertThat(assembly.accept(frames.get(1))).isEmpty();
        assertThat(assembly.accept(frames.get(2))).contains(result);
    }

    @Test
    void aShortOutputIsOneResultFrame() {
        ResultMessage result = new ResultMessage(1102, new byte[] {-2, 127});
        assertThat(result.toFrames()).containsExactly(result.toFrame());
        assertThat(new Chunks.ResultAssembly().accept(result.toFrame())).contains(result);
    }

    @Test
    void anOutputExactlyFillingTheLastResultNeedsNoChunk() {
        ResultMessage result = new ResultMessage(7, randomBytes(Frame.MAX_PAYLOAD - 4, 4));
        assertThat(result.toFrames()).hasSize(1);
        ResultMessage longer = new ResultMessage(7, randomBytes(Frame.MAX_PAYLOAD - 3, 4));
        assertThat(longer.toFrames()).extracting(Frame::type).containsExactly(FrameType.RESULT_CHUNK, FrameType.RESULT);
    }

    @Test
    void aMissingResultChunkIsAProtocolErrorNamingTheOffsets() {
        List<Frame> frames = new ResultMessage(1, randomBytes(10_000, 5)).toFrames();
        Chunks.ResultAssembly assembly = new Chunks.ResultAssembly();
        assembly.accept(frames.get(0));
        Frame third = frames.get(1);
        Chunks.ResultAssembly skipped = new Chunks.ResultAssembly();
        assertThatThrownBy(() -> skipped.accept(third))
                .isInstanceOf(LinkProtocolException.class)
                .hasMessageContaining("expected 0 output bytes before it, it starts at offset 4092");
        Optional<ResultMessage> none = assembly.accept(third);
        assertThat(none).isEmpty();
    }
}
