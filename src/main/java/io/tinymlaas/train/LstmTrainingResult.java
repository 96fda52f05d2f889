package io.tinymlaas.train;

import java.util.List;

/** A trained LSTM classifier, its mean cross-entropy per epoch, and its cross-entropy and accuracy on the validation split. */
public record LstmTrainingResult(LstmNetwork network, List<Double> lossPerEpoch, double validationLoss,
                                 double validationAccuracy) implements TrainedClassifier {
}
