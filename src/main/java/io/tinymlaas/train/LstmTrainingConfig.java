package io.tinymlaas.train;

import java.util.List;

/**
 * Hyper-parameters of a sequence classifier: an LSTM of {@code hiddenUnits} cells over {@code timeSteps} steps of
 * {@code features} values (a sample is the steps one after another), then one dense layer over every step's
 * hidden state; mini-batch size, the Adam schedule and the seed.
 */
public record LstmTrainingConfig(int timeSteps, int features, int hiddenUnits, int batchSize, List<TrainingConfig.Phase> phases,
                                 long seed) {

    /** The same network and schedule, trained from another seed (initial weights, shuffles). */
    public LstmTrainingConfig withSeed(long newSeed) {
        return new LstmTrainingConfig(timeSteps, features, hiddenUnits, batchSize, phases, newSeed);
    }

    /** The same recipe with {@code factor} times the LSTM's cells. */
    public LstmTrainingConfig wider(int factor) {
        return new LstmTrainingConfig(timeSteps, features, hiddenUnits * factor, batchSize, phases, seed);
    }

    public int epochs() {
        return phases.stream().mapToInt(TrainingConfig.Phase::epochs).sum();
    }
}
