package io.tinymlaas.cli;

import io.tinymlaas.app.DataSets;
import io.tinymlaas.app.Tinyml;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data sets are: the project's output folder unless told otherwise. */
final class DatasetStoreOption {

    @Option(names = "--store", paramLabel = "<dir>", description = "the data set store (default: the project's target/tinyml/datasets)")
    Path directory;

    DataSets data(Tinyml tinyml) {
        return tinyml.data(directory);
    }
}
