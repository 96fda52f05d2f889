package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Frame decodeOne(byte[] bytes) {
        return (Frame) new FrameDecoder().feed(bytes).get(0);
    }

    @Test
    void helloSplitsBoardIdFirmwareVersionAndModelHashAtNul() {
        HelloMessage hello = HelloMessage.parse(decodeOne(Golden.HELLO_FROM_QEMU));

        assertThat(hello.boardId()).isEqualTo("mps2-an386");
        assertThat(hello.firmwareVersion()).isEqualTo("0.1.0");
        assertThat(hello.modelHash()).isEqualTo(Golden.FAKE_MODEL_HASH);
        assertThat(hello.hasSha256ModelHash()).isTrue();
        assertThat(FrameEncoder.encode(hello.toFrame())).isEqualTo(Golden.HELLO_FROM_QEMU);
    }

    @Test
    void helloToleratesATrailingNulButNotAMissingField() {
        byte[] trailing = "b\0v\0h\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(HelloMessage.parse(trailing)).isEqualTo(new HelloMessage("b", "v", "h"));

        assertThatThrownBy(() -> HelloMessage.parse("board\0version".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(LinkProtocolException.class).hasMessageContaining("2 field(s)");
    }

    @Test
    void parsingAFrameOfAnotherTypeNamesWhatArrived() {
        assertThatThrownBy(() -> HelloMessage.parse(Frame.of(FrameType.PONG)))
                .isInstanceOf(LinkProtocolException.class).hasMessageContaining("HELLO").hasMessageContaining("PONG");
        assertThatThrownBy(() -> ResultMessage.parse(new ErrorMessage(1, "bad crc").toFrame()))
                .isInstanceOf(LinkProtocolException.class).hasMessageContaining("RESULT").hasMessageContaining("ERROR");
    }

    @Test
    void resultIsALittleEndianInstructionCountFollowedByTheOutputTensor() {
        ResultMessage result = ResultMessage.parse(decodeOne(Golden.RESULT_1234));

        assertThat(result.instructions()).isEqualTo(1234);
        assertThat(result.output()).containsExactly(-2, 127);
        assertThat(FrameEncoder.encode(result.toFrame())).isEqualTo(Golden.RESULT_1234);
    }

    @Test
    void resultInstructionCountIsUnsigned32Bit() {
        byte[] payload = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertThat(ResultMessage.parse(payload).instructions()).isEqualTo(4_294_967_295L);
        assertThat(ResultMessage.parse(payload).output()).isEmpty();
        assertThat(new ResultMessage(3_000_000_000L, new byte[] {1}))
                .isEqualTo(ResultMessage.parse(new ResultMessage(3_000_000_000L, new byte[] {1}).toFrame()));
    }

    @Test
    void resultShorterThanTheInstructionCountIsRejected() {
        assertThatThrownBy(() -> ResultMessage.parse(new byte[3]))
                .isInstanceOf(LinkProtocolException.class).hasMessageContaining("3 byte(s)");
    }

    @Test
    void errorIsACodeByteFollowedByUtf8Text() {
        Frame frame = Frame.of(FrameType.ERROR, concatCode(ErrorMessage.BAD_CRC, "bad crc"));

        ErrorMessage error = ErrorMessage.parse(frame);

        assertThat(error).isEqualTo(new ErrorMessage(1, "bad crc"));
        assertThat(error.toFrame()).isEqualTo(frame);
        assertThat(error).hasToString("board error 1: bad crc");
        assertThat(error.boardHalted()).isFalse();
    }

    @Test
    void faultAndStackOverflowErrorsMeanTheBoardHalted() {
        assertThat(ErrorMessage.parse(Frame.of(FrameType.ERROR, concatCode(5, "hard fault"))).boardHalted()).isTrue();
        assertThat(new ErrorMessage(ErrorMessage.STACK_OVERFLOW, "stack overflow").boardHalted()).isTrue();
    }

    private static byte[] concatCode(int code, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[t.length + 1];
        out[0] = (byte) code;
        System.arraycopy(t, 0, out, 1, t.length);
        return out;
    }
}
