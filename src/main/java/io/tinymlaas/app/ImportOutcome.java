package io.tinymlaas.app;

import io.tinymlaas.data.StoredDataset;
import java.util.List;
import java.util.Map;

/**
 * A user's folder stored as a data set version: the version ({@code alreadyStored}: the same content was imported
 * before), how many files each class had, and per file its class, split and what was done to it.
 */
public record ImportOutcome(StoredDataset stored, boolean alreadyStored, Map<String, Integer> filesPerClass, List<String> files) {
}
