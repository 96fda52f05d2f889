package io.tinymlaas.data;

import java.nio.file.Path;

/** A data set written to disk: its folder and the SHA-256 over its content, which names the version. */
public record StoredDataset(Dataset dataset, Path directory, String contentHash) {
}
