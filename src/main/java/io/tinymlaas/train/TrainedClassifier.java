package io.tinymlaas.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** A trained classifier (softmax cross-entropy), reported by its cross-entropy and accuracy on the validation split. */
public interface TrainedClassifier extends TrainedModel {

    double validationLoss();

    double validationAccuracy();

    @Override
    default Map<String, Double> validationMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_loss", validationLoss());
        metrics.put("validation_accuracy", validationAccuracy());
        return metrics;
    }

    @Override
    default String summary() {
        return String.format("validation accuracy %.3f, cross-entropy %.4f", validationAccuracy(), validationLoss());
    }
}
