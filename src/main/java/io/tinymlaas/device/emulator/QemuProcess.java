package io.tinymlaas.device.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A QEMU system emulator started with {@code -serial pty}: returned once QEMU has named the pty of its first serial port. */
final class QemuProcess {

    private static final Pattern PTY = Pattern.compile("char device redirected to (/dev/pts/\\d+) \\(label serial0\\)");

    private QemuProcess() {
    }

    /**
     * Runs {@code command} and waits up to {@code timeout} for its console pty.
     *
     * @param machine what runs, for messages (e.g. "QEMU (mps2-an386)")
     */
    static RunningBoard start(List<String> command, String machine, Path firmwareElf, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EmulatorException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        ProcessOutput output = new ProcessOutput(process.getInputStream(), command.get(0));
        try {
            if (!output.await(text -> PTY.matcher(text).find() || !process.isAlive(), timeout.toMillis())) {
                process.destroyForcibly();
                throw new EmulatorException(machine + " did not open the console pty within "
                        + timeout.toSeconds() + " s; its output: " + output.text().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new EmulatorException("interrupted while " + machine + " was starting", e);
        }
        Matcher pty = PTY.matcher(output.text());
        if (!pty.find()) {
            throw new EmulatorException(machine + " exited while starting " + firmwareElf.getFileName() + " (exit "
                    + exitCode(process) + "): " + output.text().strip());
        }
        return new QemuBoard(process, output, pty.group(1));
    }

    private static String exitCode(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private record QemuBoard(Process process, ProcessOutput output, String serialDevice) implements RunningBoard {

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public String emulatorLog() {
            return output.text();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
