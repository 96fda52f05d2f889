package io.tinymlaas.app;

import io.tinymlaas.cascade.CascadeResult;
import java.nio.file.Path;

/**
 * The answer to a {@link CascadeRequest}: the figures, the table to print, and cascade.html (cascade.json beside it).
 *
 * @param measuredNow     whether a dry-run had to run on the board first
 * @param cloudTrainedNow whether the cloud model had to be trained first (else its stored answers were read)
 */
public record CascadeOutcome(CascadeResult result, String table, Path html, boolean measuredNow, boolean cloudTrainedNow) {
}
