package io.tinymlaas.convert;

import io.tinymlaas.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Full-integer post-training quantization of a dense network, per the TFLite int8 spec: activations int8
 * asymmetric (ranges from a representative data set), weights int8 symmetric per tensor (zero point 0,
 * values in [-127, 127]), biases int32 with scale input_scale × weight_scale and zero point 0; int8 in and out.
 */
public final class Int8Converter {

    private Int8Converter() {
    }

    public static TfliteModel convert(DenseNetwork network, float[][] representativeInputs, String description) {
        if (representativeInputs.length == 0) {
            throw new TinymlException("quantization needs a representative data set; it is empty");
        }
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
            Quantization weightQ = symmetricInt8(layer.weights());
            float biasScale = tensors.get(current).quantization().scale() * weightQ.scale();
            Quantization outputQ = ranges.get(l + 1).asymmetricInt8();

            int weights = add(tensors, new Tensor("dense_" + l + "/weights", TensorType.INT8,
                    new int[] {layer.outputs(), layer.inputs()}, weightQ, quantizeWeights(layer.weights(), weightQ.scale())));
            int bias = add(tensors, new Tensor("dense_" + l + "/bias", TensorType.INT32, new int[] {layer.outputs()},
                    Quantization.perTensor(biasScale, 0), quantizeBias(layer.bias(), biasScale)));
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
            ranges.set(0, include(ranges.get(0), activation));
            for (int l = 0; l < network.layers().size(); l++) {
                activation = network.layers().get(l).apply(activation);
                ranges.set(l + 1, include(ranges.get(l + 1), activation));
            }
        }
        return ranges;
    }

    private static ValueRange include(ValueRange range, float[] values) {
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new TinymlException("calibration produced " + value + ": the network or the representative data has NaN/Inf");
            }
            range = range.include(value);
        }
        return range;
    }

    private static Quantization symmetricInt8(float[][] weights) {
        double maxAbs = 0;
        for (float[] row : weights) {
            for (float w : row) {
                maxAbs = Math.max(maxAbs, Math.abs(w));
            }
        }
        return Quantization.perTensor((float) (maxAbs > 0 ? maxAbs / 127.0 : 1.0), 0);
    }

    private static byte[] quantizeWeights(float[][] weights, float scale) {
        byte[] data = new byte[weights.length * weights[0].length];
        int k = 0;
        for (float[] row : weights) {
            for (float w : row) {
                data[k++] = (byte) Math.max(-127, Math.min(127, Rounding.halfAwayFromZero(w / (double) scale)));
            }
        }
        return data;
    }

    private static byte[] quantizeBias(float[] bias, float scale) {
        ByteBuffer data = ByteBuffer.allocate(bias.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float b : bias) {
            long q = Rounding.halfAwayFromZero(b / (double) scale);
            data.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q)));
        }
        return data.array();
    }

    private static int add(List<Tensor> tensors, Tensor tensor) {
        tensors.add(tensor);
        return tensors.size() - 1;
    }
}
