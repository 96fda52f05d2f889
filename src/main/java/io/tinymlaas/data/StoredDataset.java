package io.tinymlaas.data;

import java.nio.file.Path;

/** A data set written to disk: its folder, the SHA-256 over its content, which names the version, and its manifest. */
public record StoredDataset(Dataset dataset, Path directory, String contentHash, DatasetManifest manifest) {

    /** The version's name: the folder name, the first {@value DatasetStore#VERSION_LENGTH} hex digits of the content hash. */
    public String version() {
        return directory.getFileName().toString();
    }
}
