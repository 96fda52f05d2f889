package io.tinymlaas.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs on the PATH, so a missing tool is reported by name before anything is started. */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> find(String name) {
        return find(name, System.getenv().getOrDefault("PATH", ""));
    }

    public static Optional<Path> find(String name, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
