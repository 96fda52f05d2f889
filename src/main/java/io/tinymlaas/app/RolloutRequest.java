package io.tinymlaas.app;

import java.util.List;

/**
 * A model to roll out to devices: in groups of {@code groupSize} (default 1), stopping when the share of devices that
 * failed so far is over {@code errorThreshold} (0 to 1; default 0: the first failure stops it).
 */
public record RolloutRequest(String modelId, List<Long> devices, Integer groupSize, Double errorThreshold) {
}
