package io.tinymlaas.store;

import java.time.Instant;

/**
 * One stored data set version as the registry database lists it.
 *
 * @param parentVersion the version it was relabelled from; null for a version stored as collected
 * @param samples       the samples of all splits together
 */
public record DatasetVersion(String name, String version, String contentSha256, String source, String licence,
                             String parentVersion, int samples, Instant storedAt) {
}
