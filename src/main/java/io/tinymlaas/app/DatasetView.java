package io.tinymlaas.app;

import io.tinymlaas.data.DatasetManifest;
import java.nio.file.Path;

/**
 * A stored data set version as shown: its manifest, its folder, how many readable versions the data set has, and
 * manifest.json as stored ({@code json}).
 */
public record DatasetView(DatasetManifest manifest, Path directory, int versionsStored, String json) {
}
