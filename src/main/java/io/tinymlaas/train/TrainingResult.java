package io.tinymlaas.train;

import java.util.List;

/** The trained network with its mean squared error on the training split per epoch and on the validation split. */
public record TrainingResult(DenseNetwork network, List<Double> lossPerEpoch, double validationMse) {
}
