package io.tinymlaas.tflite;

/**
 * One tensor of a model. Constant tensors (weights, biases) carry their little-endian bytes in {@code data};
 * activations have {@code data == null}. {@code quantization} is null for unquantized tensors. {@code variable}
 * marks a state tensor that an operator reads and overwrites in place (an LSTM's output and cell state).
 */
public record Tensor(String name, TensorType type, int[] shape, Quantization quantization, byte[] data, boolean variable) {

    public Tensor(String name, TensorType type, int[] shape, Quantization quantization, byte[] data) {
        this(name, type, shape, quantization, data, false);
    }

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
