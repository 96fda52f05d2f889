package io.tinymlaas.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's data folders (boards/, firmware/, docker/, features/) are: the folder named by the system
 * property {@code tinyml.root} (bin/tinyml sets it, so the CLI can run from any folder), else found from the
 * working directory.
 */
public record ProjectLayout(Path root) {

    public static ProjectLayout find() {
        String named = System.getProperty("tinyml.root");
        Path start = (named == null || named.isEmpty() ? Path.of("") : Path.of(named)).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("firmware"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new TinymlException("cannot find the TinyMLaaS project (a folder with pom.xml and firmware/) above " + start
                + "; run the command from inside the project");
    }

    public Path firmware() {
        return root.resolve("firmware");
    }

    public Path boards() {
        return root.resolve("boards");
    }

    public Path output() {
        return root.resolve("target").resolve("tinyml");
    }

    /** Where data sets are stored, one folder per data set and version ({@code DatasetStore}). */
    public Path datasets() {
        return output().resolve("datasets");
    }

    /** The model registry, beside the data sets ({@code ModelRegistry}). */
    public Path models() {
        return output().resolve("models");
    }

    public Path bench() {
        return root.resolve("target").resolve("bench");
    }
}
