package io.tinymlaas.device;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.HelloMessage;
import io.tinymlaas.link.LinkTimeoutException;
import io.tinymlaas.link.ResultMessage;
import io.tinymlaas.link.SerialLink;
import java.time.Duration;
import java.util.Optional;

/**
 * A board kept running, as a device in the field is: asked for inferences one after another over its serial link until
 * it is closed. An emulated board's emulator is stopped on closing; a real board on a serial port is only let go of.
 */
public final class LiveBoard implements AutoCloseable {

    /** How long a real board on a serial port may take to answer. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<RunningBoard> emulator;
    private final SerialLink link;
    private final BoardSession session;
    private final HelloMessage hello;
    private final int clockMhz;

    LiveBoard(Optional<RunningBoard> emulator, SerialLink link, BoardSession session, HelloMessage hello, int clockMhz) {
        this.emulator = emulator;
        this.link = link;
        this.session = session;
        this.hello = hello;
        this.clockMhz = clockMhz;
    }

    /**
     * A real board on a serial port (jSerialComm: a USB CDC port such as /dev/ttyACM0, or any device file that acts as one),
     * running our firmware already: opened, and asked for its HELLO. Its flash is whatever was put there; the HELLO says
     * which board and model it runs.
     */
    public static LiveBoard attach(String port, Board board) {
        SerialLink link = SerialLink.open(port);
        try {
            BoardSession session = new BoardSession(link, ANSWER_TIMEOUT);
            return new LiveBoard(Optional.empty(), link, session, session.hello(), board.clockMhz());
        } catch (LinkTimeoutException e) {
            link.close();
            throw new TargetException(board.id() + " on " + port + ": no HELLO from the board (is our firmware on it, and "
                    + "nothing else holding the port?); " + e.getMessage(), e);
        } catch (TinymlException e) {
            link.close();
            throw e;
        }
    }

    /** What the firmware said when it booted: its board and the hash of the model it runs. */
    public HelloMessage hello() {
        return hello;
    }

    public ResultMessage infer(byte[] input) {
        return session.infer(input);
    }

    /**
     * How long {@code instructions} take at the real board's stock clock, in microseconds, taking one instruction per
     * cycle: the emulator counts instructions, not the board's cycles.
     */
    public double micros(long instructions) {
        return instructions / (double) clockMhz;
    }

    /** An emulated board while its emulator runs; a real board always, as only its link's answers tell how it does. */
    public boolean alive() {
        return emulator.map(RunningBoard::alive).orElse(true);
    }

    @Override
    public void close() {
        try {
            link.close();
        } finally {
            emulator.ifPresent(RunningBoard::close);
        }
    }
}
