package io.tinymlaas.cli;

import io.tinymlaas.ProjectLayout;
import io.tinymlaas.pipeline.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model registry is: the project's output folder unless told otherwise. */
final class ModelRegistryOption {

    @Option(names = "--registry", paramLabel = "<dir>", description = "the model registry (default: target/tinyml/models)")
    Path directory;

    ModelRegistry registry() {
        return new ModelRegistry(directory != null ? directory : ProjectLayout.find().models());
    }
}
