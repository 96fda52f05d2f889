package io.tinymlaas.app;

import io.tinymlaas.core.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file a registry entry points at is still there as registered. {@code detail}: for CHANGED the file's
 * SHA-256 now, for UNREADABLE why; otherwise null.
 */
public record FileState(State state, String detail) {

    public enum State { UNCHANGED, CHANGED, MISSING, UNREADABLE }

    /** Reads and hashes {@code file}; never throws, since a file gone or changed is what is asked about. */
    static FileState of(String file, String sha256) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            return new FileState(State.MISSING, null);
        }
        String actual;
        try {
            actual = Hashes.sha256(Files.readAllBytes(path));
        } catch (IOException e) {
            return new FileState(State.UNREADABLE, e.getMessage());
        }
        return actual.equals(sha256) ? new FileState(State.UNCHANGED, null) : new FileState(State.CHANGED, actual);
    }
}
