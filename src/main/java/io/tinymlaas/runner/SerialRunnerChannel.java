package io.tinymlaas.runner;

import com.fazecast.jSerialComm.SerialPort;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.link.SerialLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A serial port (a board's UART, or an emulator's pty) at the runner's performance-mode line rate, read line by line. */
public final class SerialRunnerChannel implements RunnerChannel {

    /** What MLPerf Tiny's reference firmware sets in performance mode (9,600 in energy mode, behind the IO manager). */
    public static final int BAUD = 115200;
    /** Emulators poll their pty: bytes written right after opening can be lost. */

    private final SerialPort port;
    private final String device;
    private final StringBuilder partial = new StringBuilder();

    private SerialRunnerChannel(SerialPort port, String device) {
        this.port = port;
        this.device = device;
    }

    public static SerialRunnerChannel open(String device) {
        return new SerialRunnerChannel(SerialLink.openPort(device, BAUD), device);
    }

    @Override
    public void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new TinymlException("writing to " + device + " failed");
        }
    }

    @Override
    public Optional<String> readLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] one = new byte[1];
        while (System.nanoTime() < deadline) {
            int n = port.readBytes(one, 1);
            if (n < 0) {
                throw new TinymlException("reading from " + device + " failed: the device was closed");
            }
            if (n == 1) {
                char c = (char) (one[0] & 0xFF);
                if (c == '\n') {
                    String line = partial.toString();
                    partial.setLength(0);
                    return Optional.of(line);
                }
                if (c != '\r' && c != '\0') {
                    partial.append(c);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
