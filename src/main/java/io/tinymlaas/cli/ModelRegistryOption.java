package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model registry is: the project's output folder unless told otherwise. */
final class ModelRegistryOption {

    @Option(names = "--registry", paramLabel = "<dir>", description = "the model registry (default: the project's target/tinyml/models)")
    Path directory;

    ModelRegistry registry() {
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new TinymlException(directory + " is a file, not a model registry folder");
        }
        return new ModelRegistry(directory != null ? directory : ProjectLayout.find().models());
    }
}
