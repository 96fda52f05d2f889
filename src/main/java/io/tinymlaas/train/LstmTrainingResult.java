package io.tinymlaas.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trained LSTM classifier, its mean cross-entropy per epoch, and its cross-entropy and accuracy on the validation split. */
public record LstmTrainingResult(LstmNetwork network, List<Double> lossPerEpoch, double validationLoss,
                                 double validationAccuracy) implements TrainedModel {

    @Override
    public Map<String, Double> validationMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_loss", validationLoss);
        metrics.put("validation_accuracy", validationAccuracy);
        return metrics;
    }

    @Override
    public String summary() {
        return String.format("validation accuracy %.3f, cross-entropy %.4f", validationAccuracy, validationLoss);
    }
}
