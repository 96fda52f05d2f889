package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    @Test
    void encodesTheSameBytesAsTheFirmwaresCEncoder() {
        assertThat(FrameEncoder.encode(Frame.of(FrameType.PING))).isEqualTo(Golden.PING);
        assertThat(FrameEncoder.encode(FrameType.INFER, new byte[] {1, 2, 3})).isEqualTo(Golden.INFER_1_2_3);
    }

    @Test
    void layoutIsSyncTypeLittleEndianLengthPayloadLittleEndianCrc() {
        byte[] payload = new byte[300];
        byte[] bytes = FrameEncoder.encode(FrameType.INFER, payload);

        assertThat(bytes).hasSize(Frame.OVERHEAD + 300);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xA5);
        assertThat(bytes[1] & 0xFF).isEqualTo(0x5A);
        assertThat(bytes[2]).isEqualTo((byte) 0x02);
        assertThat((bytes[3] & 0xFF) | (bytes[4] & 0xFF) << 8).isEqualTo(300);
        int crc = (bytes[bytes.length - 2] & 0xFF) | (bytes[bytes.length - 1] & 0xFF) << 8;
        assertThat(crc).isEqualTo(Crc16.compute(bytes, 2, 3 + 300));
    }

    @Test
    void encodesTypeCodesTheProtocolDoesNotDefine() {
        byte[] bytes = FrameEncoder.encodeRaw(0x7F, new byte[] {'?'});
        assertThat(bytes[2]).isEqualTo((byte) 0x7F);
        assertThat(new FrameDecoder().feed(bytes)).singleElement()
                .isInstanceOfSatisfying(CorruptFrame.class,
                        c -> assertThat(c.reason()).isEqualTo(CorruptFrame.Reason.UNKNOWN_TYPE));
    }

    @Test
    void refusesPayloadsOver4096Bytes() {
        assertThatThrownBy(() -> FrameEncoder.encode(FrameType.INFER, new byte[4097]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4097").hasMessageContaining("4096");
        assertThatThrownBy(() -> Frame.of(FrameType.INFER, new byte[4097]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FrameEncoder.encode(FrameType.INFER, new byte[4096])).hasSize(4096 + Frame.OVERHEAD);
    }
}
