package io.tinymlaas.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The CFO's cascade question: with {@code example}'s int8 model on {@code board} and a larger float model in the cloud
 * for the samples the device is not confident about, what accuracy, cost and latency does each threshold give.
 *
 * @param thresholds  confidences in [0, 1]: a sample whose device confidence is below one goes to the cloud
 * @param assumptions a YAML file of the cost model's parameters; null for the ones this project ships
 */
public record CascadeRequest(String example, String board, List<Double> thresholds, Path assumptions) {
}
