package io.tinymlaas.tflite;

import java.util.List;

/** A single-subgraph TFLite model as we hold it in memory, between the reader/writer and the compiler. */
public record TfliteModel(String description, List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs) {

    public Tensor tensor(int index) {
        return tensors.get(index);
    }

    public Tensor input() {
        return tensors.get(inputs[0]);
    }

    public Tensor output() {
        return tensors.get(outputs[0]);
    }
}
