package io.tinymlaas.convert;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Full-integer post-training quantization of a dense network, per the TFLite int8 spec: activations int8
 * asymmetric (ranges from a representative data set), weights int8 symmetric per tensor (zero point 0,
 * values in [-127, 127]), biases int32 with scale input_scale × weight_scale and zero point 0; int8 in and out.
 * <p>
 * Per-tensor weights suit some trained networks as they are and others only after {@link CrossLayerEqualization};
 * neither is better every time (over 13 hello_world trainings each was the better one for some). So both are
 * quantized, each is run in integer arithmetic ({@link DenseInt8Simulation}) on the representative data, and the one
 * whose outputs stay closer to the float network's is written.
 */
public final class Int8Converter {

    private Int8Converter() {
    }

    public static TfliteModel convert(DenseNetwork network, float[][] representativeInputs, String description) {
        if (representativeInputs.length == 0) {
            throw new TinymlException("quantization needs a representative data set; it is empty");
        }
        float[][] floatOutputs = new float[representativeInputs.length][];
        for (int i = 0; i < floatOutputs.length; i++) {
            floatOutputs[i] = network.predict(representativeInputs[i]);
        }
        TfliteModel asTrained = quantize(network, representativeInputs, description);
        TfliteModel equalized = quantize(CrossLayerEqualization.apply(network), representativeInputs, description);
        return DenseInt8Simulation.meanSquaredError(equalized, representativeInputs, floatOutputs)
                < DenseInt8Simulation.meanSquaredError(asTrained, representativeInputs, floatOutputs) ? equalized : asTrained;
    }

    /** Quantizes the network exactly as it is. */
    static TfliteModel quantize(DenseNetwork network, float[][] representativeInputs, String description) {
        List<ValueRange> ranges = calibrate(network, representativeInputs);
        List<Tensor> tensors = new ArrayList<>();
        List<Operator> operators = new ArrayList<>();

        Quantization inputQ = ranges.get(0).asymmetricInt8();
        int width = network.layers().get(0).inputs();
        tensors.add(new Tensor("input", TensorType.INT8, new int[] {1, width}, inputQ, null));
        int current = 0;
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer layer = network.layers().get(l);
            boolean last = l == network.layers().size() - 1;
            Quantization weightQ = Int8Weights.symmetricPerTensor(layer.weights());
            float biasScale = tensors.get(current).quantization().scale() * weightQ.scale();
            Quantization outputQ = ranges.get(l + 1).asymmetricInt8();

            int weights = add(tensors, new Tensor("dense_" + l + "/weights", TensorType.INT8,
                    new int[] {layer.outputs(), layer.inputs()}, weightQ, Int8Weights.quantizeMatrix(layer.weights(), weightQ.scale())));
            int bias = add(tensors, new Tensor("dense_" + l + "/bias", TensorType.INT32, new int[] {layer.outputs()},
                    Quantization.perTensor(biasScale, 0), Int8Weights.quantizeBias(layer.bias(), Int8Weights.fill(layer.outputs(), biasScale))));
            int output = add(tensors, new Tensor(last ? "output" : "dense_" + l + "/output", TensorType.INT8,
                    new int[] {1, layer.outputs()}, outputQ, null));
            operators.add(new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {current, weights, bias},
                    new int[] {output}, layer.relu() ? Activation.RELU : Activation.NONE));
            current = output;
        }
        return new TfliteModel(description, List.copyOf(tensors), List.copyOf(operators), new int[] {0}, new int[] {current});
    }

    /** Range of the network input, then of each layer's output after its activation. */
    static List<ValueRange> calibrate(DenseNetwork network, float[][] inputs) {
        List<ValueRange> ranges = new ArrayList<>();
        for (int i = 0; i <= network.layers().size(); i++) {
            ranges.add(ValueRange.empty());
        }
        for (float[] input : inputs) {
            float[] activation = input;
            ranges.set(0, Int8Weights.include(ranges.get(0), activation));
            for (int l = 0; l < network.layers().size(); l++) {
                activation = network.layers().get(l).apply(activation);
                ranges.set(l + 1, Int8Weights.include(ranges.get(l + 1), activation));
            }
        }
        return ranges;
    }

    private static int add(List<Tensor> tensors, Tensor tensor) {
        tensors.add(tensor);
        return tensors.size() - 1;
    }
}
