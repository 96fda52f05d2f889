package io.tinymlaas.train;

import java.util.List;
import java.util.Map;

/** The trained network with its mean squared error on the training split per epoch and on the validation split. */
public record TrainingResult(DenseNetwork network, List<Double> lossPerEpoch, double validationMse) implements TrainedModel {

    @Override
    public Map<String, Double> validationMetrics() {
        return Map.of("validation_mse", validationMse);
    }

    @Override
    public String summary() {
        return String.format("validation MSE %.5f", validationMse);
    }
}
