package io.tinymlaas.tflite;

import java.util.List;

/**
 * What a .tflite file says about itself in TensorFlow Lite metadata, as published models carry it: a name, version,
 * description, author and licence; what its input holds and how a real value is made from a raw one (raw - mean) / std
 * (the int8 quantization itself is the input tensor's); and the class names of its output in order (the
 * TENSOR_AXIS_LABELS file), empty for a model whose outputs are values.
 */
public record ModelMetadata(String name, String version, String description, String author, String license, Input input,
                            List<String> labels) {

    public ModelMetadata {
        labels = List.copyOf(labels);
    }

    /** The input's content: a grayscale picture, or features (numbers with no picture to them). */
    public enum Content { GRAYSCALE_IMAGE, FEATURES }

    /** The input tensor's description, its content and normalization; {@code std} 0 means none is stated. */
    public record Input(String description, Content content, float mean, float std) {
    }
}
