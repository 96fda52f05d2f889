package io.tinymlaas.app;

import java.util.List;

/**
 * What a .tflite file tells a user of it: its TensorFlow Lite metadata ({@code described} false: it has none, and the
 * texts are empty) and the int8 or float32 quantization of its inputs and outputs, in the model's order. {@code scale} and
 * {@code zeroPoint} are null for a float32 tensor; {@code classes} is empty for a model without labels.
 */
public record ModelInterface(String file, boolean described, String name, String version, String description, String author,
                             String license, List<String> classes, List<Tensor> inputs, String inputMeaning, String normalization,
                             List<Tensor> outputs) {

    /** The first input, the one the metadata describes. */
    public Tensor input() {
        return inputs.get(0);
    }

    public Tensor output() {
        return outputs.get(0);
    }

    /** One tensor as a user feeds or reads it. */
    public record Tensor(String name, List<Integer> shape, String type, Float scale, Integer zeroPoint) {
    }
}
