package io.tinymlaas.device.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Collects what a child process prints, on a thread of its own so the process never blocks on a full pipe,
 * and keeps the last few kilobytes for error messages.
 */
final class ProcessOutput {

    private static final int KEEP = 8192;

    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    ProcessOutput(InputStream stream, String name) {
        reader = new Thread(() -> pump(stream), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream stream) {
        byte[] buffer = new byte[1024];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) > 0) {
                synchronized (text) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (text.length() > KEEP) {
                        text.delete(0, text.length() - KEEP);
                    }
                    text.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process ended; what was read is kept.
        }
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    /** Waits until the output satisfies {@code condition} or the time is up; returns whether it did. */
    boolean await(Predicate<String> condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (text) {
            while (!condition.test(text.toString())) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                text.wait(Math.min(left, 100));
            }
            return true;
        }
    }
}
