package io.tinymlaas.link;

import java.time.Duration;
import java.util.Optional;

/** The request/answer conversation with a board's firmware over a {@link SerialLink}. */
public final class BoardSession {

    private final SerialLink link;
    private final Duration timeout;

    public BoardSession(SerialLink link, Duration timeout) {
        this.link = link;
        this.timeout = timeout;
    }

    /**
     * Asks the board to introduce itself. Its boot HELLO may or may not have reached us, so after the first HELLO
     * a PING is sent and everything up to its PONG is dropped: the next answer read belongs to the next request.
     */
    public HelloMessage hello() {
        link.send(Frame.of(FrameType.HELLO));
        HelloMessage hello = HelloMessage.parse(expect(FrameType.HELLO, "HELLO"));
        link.send(Frame.of(FrameType.PING));
        Frame answer;
        do {
            answer = link.receive(timeout);
        } while (answer.type() == FrameType.HELLO);
        if (answer.type() != FrameType.PONG) {
            throw new LinkProtocolException("PING: expected PONG, the board answered " + answer.type());
        }
        return hello;
    }

    /**
     * Runs one inference: the input as one INFER, or as INFER_CHUNKs when it is larger than a frame; the output
     * comes back as one RESULT, or RESULT_CHUNKs and then a RESULT.
     */
    public ResultMessage infer(byte[] input) {
        for (Frame frame : Chunks.inferFrames(input)) {
            link.send(frame);
        }
        Chunks.ResultAssembly assembly = new Chunks.ResultAssembly();
        Optional<ResultMessage> result;
        do {
            Frame answer = link.receive(timeout);
            if (answer.type() == FrameType.ERROR) {
                throw new BoardErrorException("INFER", ErrorMessage.parse(answer));
            }
            if (answer.type() != FrameType.RESULT && answer.type() != FrameType.RESULT_CHUNK) {
                throw new LinkProtocolException("INFER: expected RESULT, the board answered " + answer.type());
            }
            result = assembly.accept(answer);
        } while (result.isEmpty());
        return result.get();
    }

    /** Sends raw bytes (e.g. a deliberately corrupt frame) and returns the ERROR the board must answer with. */
    public ErrorMessage sendExpectingError(byte[] raw) {
        link.sendRaw(raw);
        Frame answer = link.receive(timeout);
        if (answer.type() != FrameType.ERROR) {
            throw new LinkProtocolException("expected ERROR for a corrupt frame, the board answered " + answer.type());
        }
        return ErrorMessage.parse(answer);
    }

    private Frame expect(FrameType type, String request) {
        Frame answer = link.receive(timeout);
        if (answer.type() == FrameType.ERROR) {
            throw new BoardErrorException(request, ErrorMessage.parse(answer));
        }
        if (answer.type() != type) {
            throw new LinkProtocolException(request + ": expected " + type + ", the board answered " + answer.type());
        }
        return answer;
    }
}
