package io.tinymlaas.app;

import io.tinymlaas.cost.CostEstimate;
import java.nio.file.Path;

/**
 * The answer to a {@link CostRequest}: the figures, the summary to print, and cost.html (cost.json beside it).
 *
 * @param measuredNow whether a dry-run had to run on the board first for the instructions per inference
 */
public record CostOutcome(CostEstimate estimate, String summary, Path html, boolean measuredNow) {
}
