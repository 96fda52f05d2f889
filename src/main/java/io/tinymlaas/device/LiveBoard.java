package io.tinymlaas.device;

import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.HelloMessage;
import io.tinymlaas.link.ResultMessage;
import io.tinymlaas.link.SerialLink;

/**
 * A booted board kept running, as a device in the field is: asked for inferences one after another over its serial link
 * until it is closed. Closing it stops its emulator.
 */
public final class LiveBoard implements AutoCloseable {

    private final RunningBoard running;
    private final SerialLink link;
    private final BoardSession session;
    private final HelloMessage hello;
    private final int clockMhz;

    LiveBoard(RunningBoard running, SerialLink link, BoardSession session, HelloMessage hello, int clockMhz) {
        this.running = running;
        this.link = link;
        this.session = session;
        this.hello = hello;
        this.clockMhz = clockMhz;
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

    public boolean alive() {
        return running.alive();
    }

    @Override
    public void close() {
        try {
            link.close();
        } finally {
            running.close();
        }
    }
}
