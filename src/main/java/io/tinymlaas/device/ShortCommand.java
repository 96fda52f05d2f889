package io.tinymlaas.device;

import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command that should answer at once (a --version, an inspect) for a few seconds at most, so a stuck program
 * or daemon never holds up its caller. What it prints goes to a file, not a pipe, which it could fill and block on.
 */
final class ShortCommand {

    static final int TIMEOUT_SECONDS = 5;

    /** @param finished false when the command was stopped at the time limit; its exit code and output then mean nothing */
    record Outcome(boolean finished, int exitCode, String output) {

        String firstLine() {
            return output.strip().lines().findFirst().orElse("");
        }
    }

    private ShortCommand() {
    }

    /** @throws IOException when the command cannot be started (not a program, not allowed) */
    static Outcome run(List<String> command) throws IOException {
        Path output = Files.createTempFile("tinyml-command", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                // a wrapper script's own children would otherwise live on after it
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Outcome(false, -1, "");
            }
            return new Outcome(true, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
