package io.tinymlaas.convert;

import io.tinymlaas.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.ConvLayer;
import io.tinymlaas.train.ConvNetwork;
import io.tinymlaas.train.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Full-integer post-training quantization of a {@link ConvNetwork}, per the TFLite int8 spec:
 * <ul>
 * <li>activations int8 asymmetric, ranges calibrated on a representative data set (the training split);</li>
 * <li>CONV_2D filters int8 symmetric per output channel (quantized_dimension 0 of [out, h, w, in]), biases int32 with
 *     scale input_scale × filter_scale[c] per channel, ReLU fused;</li>
 * <li>MAX_POOL_2D keeps its input's quantization, RESHAPE flattens to [1, n] with the same quantization;</li>
 * <li>FULLY_CONNECTED weights int8 symmetric per tensor, biases int32 with scale input_scale × weight_scale;</li>
 * <li>SOFTMAX output with scale 1/256 and zero point −128.</li>
 * </ul>
 * Graph: input [1, h, w, c] → (CONV_2D → MAX_POOL_2D)* → RESHAPE → FULLY_CONNECTED* → SOFTMAX.
 */
public final class CnnInt8Converter {

    public static final float SOFTMAX_SCALE = 1f / 256;
    public static final int SOFTMAX_ZERO_POINT = -128;

    private CnnInt8Converter() {
    }

    /** Observed ranges: the input, each conv output (after ReLU; the pool keeps it), each dense output. */
    record Ranges(ValueRange input, List<ValueRange> convs, List<ValueRange> dense) {
    }

    public static TfliteModel convert(ConvNetwork network, float[][] representativeInputs, String description) {
        Ranges ranges = calibrate(network, representativeInputs);
        return convert(network, ranges, ranges.input().asymmetricInt8(), description);
    }

    /**
     * As {@link #convert(ConvNetwork, float[][], String)}, but with the input's quantization given instead of
     * calibrated: when a front end's int8 output is the model's input as it is, the input tensor must say so exactly.
     */
    public static TfliteModel convert(ConvNetwork network, float[][] representativeInputs, Quantization input, String description) {
        return convert(network, calibrate(network, representativeInputs), input, description);
    }

    private static TfliteModel convert(ConvNetwork network, Ranges ranges, Quantization input, String description) {
        List<Tensor> tensors = new ArrayList<>();
        List<Operator> operators = new ArrayList<>();

        int height = network.height();
        int width = network.width();
        int current = add(tensors, new Tensor("input", TensorType.INT8, new int[] {1, height, width, network.channels()},
                input, null));
        for (int l = 0; l < network.convs().size(); l++) {
            ConvLayer layer = network.convs().get(l);
            String name = "conv_" + l;
            Quantization inputQ = tensors.get(current).quantization();
            float[] filterScales = channelScales(layer.filter());
            long[] zeros = new long[filterScales.length];
            float[] biasScales = new float[filterScales.length];
            for (int c = 0; c < biasScales.length; c++) {
                biasScales[c] = inputQ.scale() * filterScales[c];
            }
            int filter = add(tensors, new Tensor(name + "/filter", TensorType.INT8,
                    new int[] {layer.outChannels(), layer.kernelH(), layer.kernelW(), layer.inChannels()},
                    new Quantization(filterScales, zeros, 0), quantizeFilter(layer.filter(), filterScales)));
            int bias = add(tensors, new Tensor(name + "/bias", TensorType.INT32, new int[] {layer.outChannels()},
                    new Quantization(biasScales, zeros.clone(), 0), Int8Weights.quantizeBias(layer.bias(), biasScales)));
            Quantization outputQ = ranges.convs().get(l).asymmetricInt8();
            int convolved = add(tensors, new Tensor(name + "/output", TensorType.INT8,
                    new int[] {1, height, width, layer.outChannels()}, outputQ, null));
            operators.add(new Operator(BuiltinOperator.CONV_2D, "CONV_2D", new int[] {current, filter, bias}, new int[] {convolved},
                    Activation.RELU, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1)));
            height = (height + layer.poolH() - 1) / layer.poolH();
            width = (width + layer.poolW() - 1) / layer.poolW();
            int pooled = add(tensors, new Tensor("pool_" + l + "/output", TensorType.INT8,
                    new int[] {1, height, width, layer.outChannels()}, outputQ, null));
            operators.add(new Operator(BuiltinOperator.MAX_POOL_2D, "MAX_POOL_2D", new int[] {convolved}, new int[] {pooled},
                    Activation.NONE, new OperatorOptions.Pool2D(Padding.SAME, layer.poolW(), layer.poolH(), layer.poolW(),
                    layer.poolH())));
            current = pooled;
        }
        int[] flatShape = network.flattenedShape();
        int flat = flatShape[0] * flatShape[1] * flatShape[2];
        int flattened = add(tensors, new Tensor("flatten/output", TensorType.INT8, new int[] {1, flat},
                tensors.get(current).quantization(), null));
        operators.add(new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {current}, new int[] {flattened},
                Activation.NONE, new OperatorOptions.Reshape(new int[] {1, flat})));
        current = flattened;
        for (int l = 0; l < network.dense().size(); l++) {
            DenseLayer layer = network.dense().get(l);
            String name = "dense_" + l;
            Quantization weightQ = Int8Weights.symmetricPerTensor(layer.weights());
            float biasScale = tensors.get(current).quantization().scale() * weightQ.scale();
            int weights = add(tensors, new Tensor(name + "/weights", TensorType.INT8, new int[] {layer.outputs(), layer.inputs()},
                    weightQ, Int8Weights.quantizeMatrix(layer.weights(), weightQ.scale())));
            int bias = add(tensors, new Tensor(name + "/bias", TensorType.INT32, new int[] {layer.outputs()},
                    Quantization.perTensor(biasScale, 0), Int8Weights.quantizeBias(layer.bias(), Int8Weights.fill(layer.outputs(), biasScale))));
            int output = add(tensors, new Tensor(name + "/output", TensorType.INT8, new int[] {1, layer.outputs()},
                    ranges.dense().get(l).asymmetricInt8(), null));
            operators.add(new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {current, weights, bias},
                    new int[] {output}, layer.relu() ? Activation.RELU : Activation.NONE));
            current = output;
        }
        int classes = tensors.get(current).shape()[1];
        int probabilities = add(tensors, new Tensor("output", TensorType.INT8, new int[] {1, classes},
                Quantization.perTensor(SOFTMAX_SCALE, SOFTMAX_ZERO_POINT), null));
        operators.add(new Operator(BuiltinOperator.SOFTMAX, "SOFTMAX", new int[] {current}, new int[] {probabilities},
                Activation.NONE, new OperatorOptions.Softmax(1f)));
        return new TfliteModel(description, List.copyOf(tensors), List.copyOf(operators), new int[] {0}, new int[] {probabilities});
    }

    static Ranges calibrate(ConvNetwork network, float[][] inputs) {
        if (inputs.length == 0) {
            throw new TinymlException("quantization needs a representative data set; it is empty");
        }
        ValueRange input = ValueRange.empty();
        List<ValueRange> convs = new ArrayList<>(java.util.Collections.nCopies(network.convs().size(), ValueRange.empty()));
        List<ValueRange> dense = new ArrayList<>(java.util.Collections.nCopies(network.dense().size(), ValueRange.empty()));
        for (float[] sample : inputs) {
            ConvNetwork.Activations a = network.forward(sample);
            input = Int8Weights.include(input, sample);
            for (int l = 0; l < convs.size(); l++) {
                ValueRange range = convs.get(l);
                for (float[][] row : a.convOutputs().get(l)) {
                    for (float[] pixel : row) {
                        range = Int8Weights.include(range, pixel);
                    }
                }
                convs.set(l, range);
            }
            for (int l = 0; l < dense.size(); l++) {
                dense.set(l, Int8Weights.include(dense.get(l), a.denseOutputs().get(l)));
            }
        }
        return new Ranges(input, List.copyOf(convs), List.copyOf(dense));
    }

    /** One symmetric scale per output channel: max |w| / 127 (1 for an all-zero channel). */
    static float[] channelScales(float[][][][] filter) {
        float[] scales = new float[filter.length];
        for (int o = 0; o < filter.length; o++) {
            double maxAbs = 0;
            for (float[][] row : filter[o]) {
                for (float[] column : row) {
                    for (float w : column) {
                        maxAbs = Math.max(maxAbs, Math.abs(w));
                    }
                }
            }
            scales[o] = (float) (maxAbs > 0 ? maxAbs / 127.0 : 1.0);
        }
        return scales;
    }

    private static byte[] quantizeFilter(float[][][][] filter, float[] scales) {
        byte[] data = new byte[filter.length * filter[0].length * filter[0][0].length * filter[0][0][0].length];
        int k = 0;
        for (int o = 0; o < filter.length; o++) {
            for (float[][] row : filter[o]) {
                for (float[] column : row) {
                    for (float w : column) {
                        data[k++] = Int8Weights.int8(w / (double) scales[o]);
                    }
                }
            }
        }
        return data;
    }

    private static int add(List<Tensor> tensors, Tensor tensor) {
        tensors.add(tensor);
        return tensors.size() - 1;
    }
}
