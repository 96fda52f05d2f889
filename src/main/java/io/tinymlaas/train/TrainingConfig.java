package io.tinymlaas.train;

import java.util.Arrays;
import java.util.List;

/**
 * Hyper-parameters of a regression MLP: hidden layer widths (ReLU), mini-batch size, and the Adam learning-rate
 * schedule as phases run one after the other (e.g. a fast phase, then a fine-tuning phase at a tenth of the rate).
 */
public record TrainingConfig(int[] hiddenUnits, int batchSize, List<Phase> phases, long seed) {

    public record Phase(int epochs, float learningRate) {
    }

    /** The same network and schedule, trained from another seed (initial weights, shuffles). */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(hiddenUnits, batchSize, phases, newSeed);
    }

    /** The same recipe with {@code factor} times the units in every hidden layer. */
    public TrainingConfig wider(int factor) {
        return new TrainingConfig(times(hiddenUnits, factor), batchSize, phases, seed);
    }

    static int[] times(int[] widths, int factor) {
        return Arrays.stream(widths).map(w -> w * factor).toArray();
    }

    public int epochs() {
        return phases.stream().mapToInt(Phase::epochs).sum();
    }
}
