package io.tinymlaas.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host tool for tests (gcc, a sanitizer-built runner): its stdout back, or one clear error naming the tool. */
public final class HostProcess {

    private HostProcess() {
    }

    /**
     * Runs {@code command} in {@code directory} with {@code stdin} (or none) as input; leak checks are off because the
     * runners exit without freeing. Fails if it runs over 120 s or exits non-zero, with its stderr.
     */
    public static byte[] run(List<String> command, Path stdin, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path out = Files.createTempFile(directory, "out", ".bin");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("ASAN_OPTIONS", "detect_leaks=0");
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TinymlException(command.get(0) + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new TinymlException(command.get(0) + " exited with " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readAllBytes(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException("interrupted", e);
        } finally {
            // the directory may be one that is deleted when empty (OperatorHarness's kernel objects)
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
