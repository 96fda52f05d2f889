package io.tinymlaas.link;

import com.fazecast.jSerialComm.SerialPort;
import io.tinymlaas.core.TinymlException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Queue;

/**
 * The host end of a board's console UART (a real serial port or an emulator's pty), speaking frames.
 * Reads are bounded by a deadline, so a board that hangs is reported instead of waited on forever.
 */
public final class SerialLink implements AutoCloseable {

    /** Emulators poll their pty: bytes written right after opening can be lost. */
    private static final long SETTLE_MILLIS = 1000;
    private static final int KEEP_BYTES = 64;

    private final SerialPort port;
    private final String device;
    private final FrameDecoder decoder = new FrameDecoder();
    private final Queue<DecodeResult> pending = new ArrayDeque<>();
    private final ArrayDeque<Byte> recent = new ArrayDeque<>();

    private SerialLink(SerialPort port, String device) {
        this.port = port;
        this.device = device;
    }

    public static SerialLink open(String device) {
        return new SerialLink(openPort(device, 115200), device);
    }

    /**
     * A board's console UART opened raw (8N1, no flow control, reads waiting up to 100 ms), after the settling time an
     * emulator's pty needs; for protocols other than our frames too.
     */
    public static SerialPort openPort(String device, int baud) {
        SerialPort port = SerialPort.getCommPort(device);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new TinymlException("cannot open serial device " + device + " (error " + port.getLastErrorCode() + ")");
        }
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return port;
    }

    public void send(Frame frame) {
        sendRaw(FrameEncoder.encode(frame));
    }

    /** Writes bytes as they are: also used to send deliberately corrupt frames in tests. */
    public void sendRaw(byte[] bytes) {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new TinymlException("writing to " + device + " failed (" + written + " of " + bytes.length + " bytes)");
        }
    }

    /**
     * The next well-formed frame from the board. A corrupt frame from the board is an error, since the
     * firmware only sends well-formed ones; silence until the deadline is a {@link LinkTimeoutException}.
     */
    public Frame receive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[512];
        while (pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                decoder.reset();
                throw new LinkTimeoutException("no frame from " + device + " within " + timeout.toMillis() + " ms; last bytes "
                        + "received: " + recentHex());
            }
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new TinymlException("reading from " + device + " failed: the device was closed");
            }
            for (int i = 0; i < n; i++) {
                remember(buffer[i]);
            }
            pending.addAll(decoder.feed(buffer, 0, n));
        }
        DecodeResult next = pending.remove();
        if (next instanceof CorruptFrame corrupt) {
            throw corrupt.toException();
        }
        return (Frame) next;
    }

    public String recentHex() {
        byte[] bytes = new byte[recent.size()];
        int i = 0;
        for (byte b : recent) {
            bytes[i++] = b;
        }
        return bytes.length == 0 ? "(none)" : HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private void remember(byte b) {
        recent.addLast(b);
        if (recent.size() > KEEP_BYTES) {
            recent.removeFirst();
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
