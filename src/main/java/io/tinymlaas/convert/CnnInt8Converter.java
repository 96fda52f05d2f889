package io.tinymlaas.convert;

import io.tinymlaas.core.TinymlException;
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
import io.tinymlaas.train.DepthwiseLayer;
import io.tinymlaas.train.SeparableLayer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Full-integer post-training quantization of a {@link ConvNetwork}, per the TFLite int8 spec:
 * <ul>
 * <li>activations int8 asymmetric, ranges calibrated on a representative data set (the training split);</li>
 * <li>CONV_2D filters int8 symmetric per output channel (quantized_dimension 0 of [out, h, w, in]), biases int32 with
 *     scale input_scale × filter_scale[c] per channel, ReLU fused;</li>
 * <li>DEPTHWISE_CONV_2D filters [1, h, w, channels] int8 symmetric per channel along the last dimension
 *     (quantized_dimension 3), biases int32 likewise, ReLU fused;</li>
 * <li>MAX_POOL_2D and AVERAGE_POOL_2D keep their input's quantization, RESHAPE flattens to [1, n] with the same
 *     quantization;</li>
 * <li>FULLY_CONNECTED weights int8 symmetric per tensor, biases int32 with scale input_scale × weight_scale;</li>
 * <li>SOFTMAX output with scale 1/256 and zero point −128.</li>
 * </ul>
 * Graph: input [1, h, w, c] → (CONV_2D [→ MAX_POOL_2D])* → (DEPTHWISE_CONV_2D → CONV_2D 1×1)* → [AVERAGE_POOL_2D over
 * the whole feature map] → RESHAPE → FULLY_CONNECTED* → SOFTMAX.
 */
public final class CnnInt8Converter {

    public static final float SOFTMAX_SCALE = 1f / 256;
    public static final int SOFTMAX_ZERO_POINT = -128;

    private CnnInt8Converter() {
    }

    /**
     * Observed ranges: the input, each conv output (after ReLU; the pool keeps it), each depthwise and pointwise output
     * of the separable blocks, each dense output.
     */
    record Ranges(ValueRange input, List<ValueRange> convs, List<ValueRange> depthwise, List<ValueRange> pointwise,
                  List<ValueRange> dense) {
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

        int current = add(tensors, new Tensor("input", TensorType.INT8, new int[] {1, network.height(), network.width(),
                network.channels()}, input, null));
        for (int l = 0; l < network.convs().size(); l++) {
            ConvLayer layer = network.convs().get(l);
            current = addConv(tensors, operators, "conv_" + l, current, layer, ranges.convs().get(l).asymmetricInt8());
            if (layer.pooled()) {
                int[] shape = tensors.get(current).shape();
                int pooled = add(tensors, new Tensor("pool_" + l + "/output", TensorType.INT8, new int[] {1,
                        ConvLayer.sameSize(shape[1], layer.poolH()), ConvLayer.sameSize(shape[2], layer.poolW()), shape[3]},
                        tensors.get(current).quantization(), null));
                operators.add(new Operator(BuiltinOperator.MAX_POOL_2D, "MAX_POOL_2D", new int[] {current}, new int[] {pooled},
                        Activation.NONE, new OperatorOptions.Pool2D(Padding.SAME, layer.poolW(), layer.poolH(), layer.poolW(),
                        layer.poolH())));
                current = pooled;
            }
        }
        for (int l = 0; l < network.separable().size(); l++) {
            SeparableLayer block = network.separable().get(l);
            current = addDepthwise(tensors, operators, "separable_" + l + "/depthwise", current, block.depthwise(),
                    ranges.depthwise().get(l).asymmetricInt8());
            current = addConv(tensors, operators, "separable_" + l + "/pointwise", current, block.pointwise(),
                    ranges.pointwise().get(l).asymmetricInt8());
        }
        if (network.globalAveragePool()) {
            int[] shape = tensors.get(current).shape();
            int pooled = add(tensors, new Tensor("global_average_pool/output", TensorType.INT8, new int[] {1, 1, 1, shape[3]},
                    tensors.get(current).quantization(), null));
            operators.add(new Operator(BuiltinOperator.AVERAGE_POOL_2D, "AVERAGE_POOL_2D", new int[] {current}, new int[] {pooled},
                    Activation.NONE, new OperatorOptions.Pool2D(Padding.VALID, shape[2], shape[1], shape[2], shape[1])));
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

    /** CONV_2D (SAME, ReLU) of {@code input}, per-channel int8 filter, int32 bias; returns its output tensor. */
    private static int addConv(List<Tensor> tensors, List<Operator> operators, String name, int input, ConvLayer layer,
                               Quantization outputQ) {
        int[] in = tensors.get(input).shape();
        float[] filterScales = channelScales(layer.filter());
        int filter = add(tensors, new Tensor(name + "/filter", TensorType.INT8,
                new int[] {layer.outChannels(), layer.kernelH(), layer.kernelW(), layer.inChannels()},
                new Quantization(filterScales, new long[filterScales.length], 0), quantizeFilter(layer.filter(), filterScales)));
        int bias = addChannelBias(tensors, name, layer.bias(), tensors.get(input).quantization(), filterScales);
        int output = add(tensors, new Tensor(name + "/output", TensorType.INT8, new int[] {1, ConvLayer.sameSize(in[1], layer.stride()),
                ConvLayer.sameSize(in[2], layer.stride()), layer.outChannels()}, outputQ, null));
        operators.add(new Operator(BuiltinOperator.CONV_2D, "CONV_2D", new int[] {input, filter, bias}, new int[] {output},
                Activation.RELU, new OperatorOptions.Conv2D(Padding.SAME, layer.stride(), layer.stride(), 1, 1)));
        return output;
    }

    /** DEPTHWISE_CONV_2D (SAME, ReLU, depth multiplier 1), filter [1, h, w, c] per channel along dimension 3. */
    private static int addDepthwise(List<Tensor> tensors, List<Operator> operators, String name, int input, DepthwiseLayer layer,
                                    Quantization outputQ) {
        int[] in = tensors.get(input).shape();
        float[] filterScales = depthwiseScales(layer.filter());
        int filter = add(tensors, new Tensor(name + "/filter", TensorType.INT8,
                new int[] {1, layer.kernelH(), layer.kernelW(), layer.channels()},
                new Quantization(filterScales, new long[filterScales.length], 3), quantizeDepthwise(layer.filter(), filterScales)));
        int bias = addChannelBias(tensors, name, layer.bias(), tensors.get(input).quantization(), filterScales);
        int output = add(tensors, new Tensor(name + "/output", TensorType.INT8, new int[] {1, ConvLayer.sameSize(in[1], layer.stride()),
                ConvLayer.sameSize(in[2], layer.stride()), layer.channels()}, outputQ, null));
        operators.add(new Operator(BuiltinOperator.DEPTHWISE_CONV_2D, "DEPTHWISE_CONV_2D", new int[] {input, filter, bias},
                new int[] {output}, Activation.RELU, new OperatorOptions.DepthwiseConv2D(Padding.SAME, layer.stride(), layer.stride(),
                1, 1, 1)));
        return output;
    }

    /** int32 biases, channel c at scale input_scale × filter_scale[c]. */
    private static int addChannelBias(List<Tensor> tensors, String name, float[] values, Quantization inputQ, float[] filterScales) {
        float[] biasScales = new float[filterScales.length];
        for (int c = 0; c < biasScales.length; c++) {
            biasScales[c] = inputQ.scale() * filterScales[c];
        }
        return add(tensors, new Tensor(name + "/bias", TensorType.INT32, new int[] {values.length},
                new Quantization(biasScales, new long[biasScales.length], 0), Int8Weights.quantizeBias(values, biasScales)));
    }

    static Ranges calibrate(ConvNetwork network, float[][] inputs) {
        if (inputs.length == 0) {
            throw new TinymlException("quantization needs a representative data set; it is empty");
        }
        ValueRange input = ValueRange.empty();
        List<ValueRange> convs = empties(network.convs().size());
        List<ValueRange> depthwise = empties(network.separable().size());
        List<ValueRange> pointwise = empties(network.separable().size());
        List<ValueRange> dense = empties(network.dense().size());
        for (float[] sample : inputs) {
            ConvNetwork.Activations a = network.forward(sample);
            input = Int8Weights.include(input, sample);
            include(convs, a.convOutputs());
            include(depthwise, a.depthwiseOutputs());
            include(pointwise, a.pointwiseOutputs());
            for (int l = 0; l < dense.size(); l++) {
                dense.set(l, Int8Weights.include(dense.get(l), a.denseOutputs().get(l)));
            }
        }
        return new Ranges(input, List.copyOf(convs), List.copyOf(depthwise), List.copyOf(pointwise), List.copyOf(dense));
    }

    private static List<ValueRange> empties(int n) {
        return new ArrayList<>(Collections.nCopies(n, ValueRange.empty()));
    }

    /** Widens {@code ranges.get(l)} by every value of feature map {@code l}. */
    private static void include(List<ValueRange> ranges, List<float[][][]> featureMaps) {
        for (int l = 0; l < ranges.size(); l++) {
            ValueRange range = ranges.get(l);
            for (float[][] row : featureMaps.get(l)) {
                for (float[] pixel : row) {
                    range = Int8Weights.include(range, pixel);
                }
            }
            ranges.set(l, range);
        }
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

    /** One symmetric scale per channel of a depthwise filter [h][w][channels]: max |w| / 127 (1 for an all-zero channel). */
    static float[] depthwiseScales(float[][][] filter) {
        float[] scales = new float[filter[0][0].length];
        for (int c = 0; c < scales.length; c++) {
            double maxAbs = 0;
            for (float[][] row : filter) {
                for (float[] column : row) {
                    maxAbs = Math.max(maxAbs, Math.abs(column[c]));
                }
            }
            scales[c] = (float) (maxAbs > 0 ? maxAbs / 127.0 : 1.0);
        }
        return scales;
    }

    /** [h][w][channels] in that order, which is the [1, h, w, channels] tensor's. */
    private static byte[] quantizeDepthwise(float[][][] filter, float[] scales) {
        byte[] data = new byte[filter.length * filter[0].length * scales.length];
        int k = 0;
        for (float[][] row : filter) {
            for (float[] column : row) {
                for (int c = 0; c < column.length; c++) {
                    data[k++] = Int8Weights.int8(column[c] / (double) scales[c]);
                }
            }
        }
        return data;
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
