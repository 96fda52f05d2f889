package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final Frame INFER = Frame.of(FrameType.INFER, new byte[] {10, -20, 30, -40, 50});
    private static final Frame PING = Frame.of(FrameType.PING);

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static CorruptFrame onlyCorrupt(List<DecodeResult> results) {
        assertThat(results).singleElement().isInstanceOf(CorruptFrame.class);
        return (CorruptFrame) results.get(0);
    }

    @Test
    void encodedFramesOfEveryTypeAndSizeDecodeToEqualFrames() {
        FrameDecoder decoder = new FrameDecoder();
        Random random = new Random(42);
        for (FrameType type : FrameType.values()) {
            for (int size : new int[] {0, 1, 2, 255, 256, 4095, 4096}) {
                byte[] payload = new byte[size];
                random.nextBytes(payload);
                Frame frame = new Frame(type, payload);

                assertThat(decoder.feed(FrameEncoder.encode(frame))).containsExactly(frame);
            }
        }
        assertThat(decoder.skippedBytes()).isZero();
    }

    @Test
    void decodesTheSameFramesWhateverTheChunkingOfTheStream() {
        byte[] stream = concat(FrameEncoder.encode(INFER), Golden.PING, Golden.RESULT_1234, FrameEncoder.encode(INFER));
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            FrameDecoder decoder = new FrameDecoder();
            List<DecodeResult> results = new ArrayList<>();
            int pos = 0;
            while (pos < stream.length) {
                int n = Math.min(stream.length - pos, 1 + random.nextInt(8));
                results.addAll(decoder.feed(stream, pos, n));
                pos += n;
            }
            assertThat(results).hasSize(4).containsSubsequence(INFER, PING, INFER);
        }
    }

    @Test
    void decodesTheHelloTheFirmwareSentUnderQemu() {
        List<DecodeResult> results = new FrameDecoder().feed(Golden.HELLO_FROM_QEMU);

        assertThat(results).singleElement().isInstanceOf(Frame.class);
        assertThat(HelloMessage.parse((Frame) results.get(0)))
                .isEqualTo(new HelloMessage("mps2-an386", "0.1.0", Golden.FAKE_MODEL_HASH));
    }

    @Test
    void aFlippedBitIsReportedAsBadCrcAndTheNextValidFrameStillDecodes() {
        byte[] corrupt = FrameEncoder.encode(INFER);
        corrupt[Frame.HEADER_BYTES + 2] ^= 0x08;
        FrameDecoder decoder = new FrameDecoder();

        CorruptFrame rejected = onlyCorrupt(decoder.feed(corrupt));
        assertThat(rejected.reason()).isEqualTo(CorruptFrame.Reason.BAD_CRC);
        assertThat(rejected.typeCode()).isEqualTo(0x02);
        assertThat(rejected.message()).contains("bad CRC").contains("type 0x02").contains("5 payload bytes");
        assertThat(rejected.toException()).isInstanceOf(LinkProtocolException.class).hasMessage(rejected.message());

        assertThat(decoder.feed(FrameEncoder.encode(PING))).containsExactly(PING);
    }

    @Test
    void noSingleBitFlipAnywhereInAFrameYieldsAWrongFrame() {
        byte[] good = FrameEncoder.encode(INFER);
        // Enough filler to complete any frame whose length field a flip enlarged, then a valid frame.
        byte[] tail = concat(new byte[Frame.MAX_PAYLOAD + Frame.OVERHEAD], FrameEncoder.encode(PING));
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] flipped = good.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            List<DecodeResult> results = new FrameDecoder().feed(concat(flipped, tail));

            assertThat(results).as("bit %d flipped", bit).filteredOn(Frame.class::isInstance).containsExactly(PING);
        }
    }

    @Test
    void garbageBeforeAFrameIsSkipped() {
        byte[] garbage = {0x00, (byte) 0xA5, 0x13, (byte) 0xFF, (byte) 0xA5, (byte) 0xA5, 0x00, 0x5A, 0x42};
        FrameDecoder decoder = new FrameDecoder();

        assertThat(decoder.feed(concat(garbage, FrameEncoder.encode(INFER)))).containsExactly(INFER);
        assertThat(decoder.skippedBytes()).isEqualTo(garbage.length);
    }

    @Test
    void aRepeatedFirstSyncByteStillStartsTheFrame() {
        FrameDecoder decoder = new FrameDecoder();

        assertThat(decoder.feed(concat(new byte[] {(byte) 0xA5, (byte) 0xA5}, Golden.PING))).containsExactly(PING);
    }

    @Test
    void aLengthOver4096IsRejectedAsSoonAsTheHeaderIsComplete() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] header = {(byte) 0xA5, 0x5A, 0x02, 0x01, 0x10}; // 0x1001 = 4097 bytes

        CorruptFrame rejected = onlyCorrupt(decoder.feed(header));
        assertThat(rejected.reason()).isEqualTo(CorruptFrame.Reason.BAD_LENGTH);
        assertThat(rejected.declaredLength()).isEqualTo(4097);
        assertThat(rejected.message()).contains("bad length").contains("4097").contains("4096");
        assertThat(decoder.inFrame()).isFalse();

        assertThat(decoder.feed(Golden.PING)).containsExactly(PING);
    }

    @Test
    void aFrameStartingInsideARejectedHeaderIsFound() {
        // A5 5A 01 | A5 5A: the "length" 0x5AA5 is too big, and is itself the sync of the PING that follows.
        byte[] stream = concat(new byte[] {(byte) 0xA5, 0x5A, 0x01}, Golden.PING);

        List<DecodeResult> results = new FrameDecoder().feed(stream);

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOfSatisfying(CorruptFrame.class,
                c -> assertThat(c.reason()).isEqualTo(CorruptFrame.Reason.BAD_LENGTH));
        assertThat(results.get(1)).isEqualTo(PING);
    }

    @Test
    void anIntactFrameOfUnknownTypeIsReportedNotDropped() {
        CorruptFrame rejected = onlyCorrupt(new FrameDecoder().feed(FrameEncoder.encodeRaw(0x7F, new byte[3])));

        assertThat(rejected.reason()).isEqualTo(CorruptFrame.Reason.UNKNOWN_TYPE);
        assertThat(rejected.typeCode()).isEqualTo(0x7F);
        assertThat(rejected.message()).contains("unknown type 0x7F");
    }

    @Test
    void resetDropsAPartialFrame() {
        byte[] frame = FrameEncoder.encode(INFER);
        FrameDecoder decoder = new FrameDecoder();

        assertThat(decoder.feed(frame, 0, 6)).isEmpty();
        assertThat(decoder.inFrame()).isTrue();
        decoder.reset();
        assertThat(decoder.inFrame()).isFalse();

        assertThat(decoder.feed(FrameEncoder.encode(PING))).containsExactly(PING);
    }

    @Test
    void singleByteFeedReturnsTheFrameOnItsLastByte() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] bytes = Golden.PING;
        for (int i = 0; i < bytes.length - 1; i++) {
            assertThat(decoder.feed(bytes[i])).isEmpty();
        }
        assertThat(decoder.feed(bytes[bytes.length - 1])).contains(PING);
    }
}
