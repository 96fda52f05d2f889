package io.tinymlaas.tflite;

/**
 * One tensor of a model. Constant tensors (weights, biases) carry their little-endian bytes in {@code data};
 * activations have {@code data == null}. {@code quantization} is null for unquantized tensors.
 */
public record Tensor(String name, TensorType type, int[] shape, Quantization quantization, byte[] data) {

    public long elementCount() {
        long count = 1;
        for (int dim : shape) {
            count *= dim;
        }
        return count;
    }

    public long byteSize() {
        return elementCount() * type.bytes();
    }

    public boolean constant() {
        return data != null;
    }
}
