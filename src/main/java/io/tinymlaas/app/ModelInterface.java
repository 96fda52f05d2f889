package io.tinymlaas.app;

import java.util.List;

/**
 * What a .tflite file tells a user of it: its TensorFlow Lite metadata ({@code described} false: it has none, and the
 * texts are empty) and the int8 or float32 quantization of its first input and output. {@code scale} and
 * {@code zeroPoint} are null for a float32 tensor; {@code classes} is empty for a model without labels.
 */
public record ModelInterface(String file, boolean described, String name, String version, String description, String author,
                             String license, List<String> classes, Tensor input, String inputMeaning, String normalization,
                             Tensor output) {

    /** One tensor as a user feeds or reads it. */
    public record Tensor(String name, List<Integer> shape, String type, Float scale, Integer zeroPoint) {
    }
}
