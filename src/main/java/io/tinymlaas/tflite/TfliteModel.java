package io.tinymlaas.tflite;

import java.util.Arrays;
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

    /** The graph inputs, in the model's order: the order of their bytes in an inference's input. */
    public List<Tensor> inputTensors() {
        return Arrays.stream(inputs).mapToObj(tensors::get).toList();
    }

    /** The graph outputs, in the model's order: the order of their bytes in an inference's output. */
    public List<Tensor> outputTensors() {
        return Arrays.stream(outputs).mapToObj(tensors::get).toList();
    }
}
