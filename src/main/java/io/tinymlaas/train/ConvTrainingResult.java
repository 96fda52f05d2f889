package io.tinymlaas.train;

import java.util.List;

/** A trained CNN classifier, its mean cross-entropy per epoch, and its cross-entropy and accuracy on the validation split. */
public record ConvTrainingResult(ConvNetwork network, List<Double> lossPerEpoch, double validationLoss,
                                 double validationAccuracy) implements TrainedClassifier {
}
