package io.tinymlaas.cli;

import io.tinymlaas.app.Models;
import io.tinymlaas.app.Tinyml;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model registry is: the project's output folder unless told otherwise. */
final class ModelRegistryOption {

    @Option(names = "--registry", paramLabel = "<dir>", description = "the model registry (default: the project's target/tinyml/models)")
    Path directory;

    Models models(Tinyml tinyml) {
        return tinyml.models(directory);
    }
}
