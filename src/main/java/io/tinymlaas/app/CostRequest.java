package io.tinymlaas.app;

import java.nio.file.Path;

/**
 * The CFO's question: what does running {@code example} on {@code board} cost, TinyML against cloud, for a fleet over
 * some years.
 *
 * @param assumptions  a YAML file of the cost model's parameters; null for the ones this project ships
 * @param measureAgain run the dry-run on the board even when an earlier run measured it
 */
public record CostRequest(String example, String board, long fleet, double years, Path assumptions, boolean measureAgain) {
}
