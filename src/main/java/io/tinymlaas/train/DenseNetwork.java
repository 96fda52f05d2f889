package io.tinymlaas.train;

import java.util.List;

/** A trained multi-layer perceptron in float32, the converter's input. */
public record DenseNetwork(List<DenseLayer> layers) implements FloatModel {

    public float[] predict(float[] input) {
        float[] activation = input;
        for (DenseLayer layer : layers) {
            activation = layer.apply(activation);
        }
        return activation;
    }
}
