package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data sets are: the project's output folder unless told otherwise. */
final class DatasetStoreOption {

    @Option(names = "--store", paramLabel = "<dir>", description = "the data set store (default: the project's target/tinyml/datasets)")
    Path directory;

    DatasetStore store() {
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new TinymlException(directory + " is a file, not a data set store folder");
        }
        return new DatasetStore(directory != null ? directory : ProjectLayout.find().datasets());
    }
}
