package io.tinymlaas.train;

import java.util.List;
import java.util.Map;

/** What a trainer produced: the float network, the training loss per epoch, and figures on the validation split. */
public interface TrainedModel {

    FloatModel network();

    List<Double> lossPerEpoch();

    /** Validation figures by name (e.g. validation_mse, or validation_loss and validation_accuracy), for reports. */
    Map<String, Double> validationMetrics();

    /** One line for people, e.g. "validation MSE 0.00812". */
    String summary();
}
