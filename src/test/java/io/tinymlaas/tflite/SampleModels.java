package io.tinymlaas.tflite;

import io.tinymlaas.convert.Int8Converter;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.util.List;

/** Small models built by our own converter, for tests that need a real graph without training one. */
public final class SampleModels {

    private SampleModels() {
    }

    /** 1 → 3 (ReLU) → 1, int8. */
    public static TfliteModel tinyDense() {
        DenseNetwork network = new DenseNetwork(List.of(
                new DenseLayer(new float[][] {{0.7f}, {-1.1f}, {0.3f}}, new float[] {0.1f, 0.2f, -0.3f}, true),
                new DenseLayer(new float[][] {{0.4f, -0.2f, 0.9f}}, new float[] {0.05f}, false)));
        return Int8Converter.convert(network, new float[][] {{0f}, {3f}, {6f}}, "round trip");
    }
}
