package io.tinymlaas.link;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** The request/answer conversation with a board's firmware over a {@link SerialLink}. */
public final class BoardSession {

    private static final Duration HELLO_RETRY = Duration.ofSeconds(2);

    private final SerialLink link;
    private final Duration timeout;

    public BoardSession(SerialLink link, Duration timeout) {
        this.link = link;
        this.timeout = timeout;
    }

    /**
     * Asks the board to introduce itself. Its boot HELLO may or may not have reached us, so after the first HELLO
     * a PING is sent and everything up to its PONG is dropped: the next answer read belongs to the next request.
     * A request that arrives while the board is still sending its boot HELLO can be lost in a one-byte receive buffer
     * (SAMD51 SERCOM), so HELLO is asked again every {@link #HELLO_RETRY} until the timeout.
     */
    public HelloMessage hello() {
        return hello(Duration.ZERO);
    }

    /**
     * Like {@link #hello()}, first listening up to {@code listenFirst} for the boot HELLO before asking: a board whose
     * UART model stalls its transmitter when a byte arrives mid-frame (Renode's SAMD51 SERCOM) must not be spoken to
     * while it sends.
     */
    public HelloMessage hello(Duration listenFirst) {
        Frame first = null;
        if (!listenFirst.isZero()) {
            try {
                first = link.receive(listenFirst);
            } catch (LinkTimeoutException e) {
                // no boot HELLO heard whole: ask for one
            }
        }
        HelloMessage hello = HelloMessage.parse(first != null && first.type() == FrameType.HELLO ? first : askForHello());
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
        return result("INFER");
    }

    /**
     * Runs inputs {@code first} to {@code first + count - 1} of the {@link InputBatch} in the board's frame buffer with
     * one INFER_LOADED, handing each RESULT to {@code each} as it arrives, in order. Only the command and the results
     * cross the UART.
     *
     * @throws BoardErrorException if the board answers ERROR, e.g. {@link ErrorMessage#BAD_INPUT_INDEX} for a range past
     *                             the batch's end (then no input ran) or a fault while running one
     */
    public void inferLoaded(int first, int count, Consumer<ResultMessage> each) {
        if (first < 0 || count < 1) {
            throw new IllegalArgumentException("INFER_LOADED takes a first index >= 0 and a count >= 1, not " + first
                    + " and " + count);
        }
        byte[] args = new byte[8];
        for (int i = 0; i < 4; i++) {
            args[i] = (byte) (first >>> (8 * i));
            args[4 + i] = (byte) (count >>> (8 * i));
        }
        link.send(new Frame(FrameType.INFER_LOADED, args));
        String request = "INFER_LOADED of input" + (count == 1 ? " " + first : "s " + first + " to " + (first + count - 1));
        for (int i = 0; i < count; i++) {
            each.accept(result(request));
        }
    }

    /** Reads one inference's answer: a RESULT, after RESULT_CHUNKs when the output is long. */
    private ResultMessage result(String request) {
        Chunks.ResultAssembly assembly = new Chunks.ResultAssembly();
        Optional<ResultMessage> result;
        do {
            Frame answer = link.receive(timeout);
            if (answer.type() == FrameType.ERROR) {
                throw new BoardErrorException(request, ErrorMessage.parse(answer));
            }
            if (answer.type() != FrameType.RESULT && answer.type() != FrameType.RESULT_CHUNK) {
                throw new LinkProtocolException(request + ": expected RESULT, the board answered " + answer.type());
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

    private Frame askForHello() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            link.send(Frame.of(FrameType.HELLO));
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            try {
                Frame answer = link.receive(left.compareTo(HELLO_RETRY) < 0 ? left : HELLO_RETRY);
                if (answer.type() != FrameType.HELLO) {
                    throw new LinkProtocolException("HELLO: expected HELLO, the board answered " + answer.type());
                }
                return answer;
            } catch (LinkTimeoutException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
        }
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
