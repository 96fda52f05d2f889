package io.tinymlaas.benchmark;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Builds an int8 network layer by layer with seeded random weights: per-channel for convolutions (as the converter
 * writes them), per-tensor for FULLY_CONNECTED. Rectified outputs are quantized as the converter quantizes ReLU6
 * (scale 6/255, zero point −128), others symmetric around zero; weight scales keep each layer's outputs spread over the
 * int8 range, so the kernels see realistic data, not saturation. The same seed gives the same model.
 */
final class ShapedNetwork {

    private static final Quantization RECTIFIED = Quantization.perTensor(6f / 255, -128);
    private static final Quantization CENTRED = Quantization.perTensor(6f / 255, 0);

    private final Random random;
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Operator> operators = new ArrayList<>();

    ShapedNetwork(long seed) {
        random = new Random(seed);
    }

    int input(String name, int[] shape, Quantization quantization) {
        return add(new Tensor(name, TensorType.INT8, shape, quantization, null));
    }

    int[] shape(int tensor) {
        return tensors.get(tensor).shape();
    }

    /** CONV_2D with SAME padding and a kernelHeight × kernelWidth window. */
    int conv(String name, int input, int kernelHeight, int kernelWidth, int outDepth, int stride, Activation activation) {
        int[] in = shape(input);
        return windowed(name, BuiltinOperator.CONV_2D, input, new int[] {outDepth, kernelHeight, kernelWidth, in[3]}, 0,
                outDepth, stride, new OperatorOptions.Conv2D(Padding.SAME, stride, stride, 1, 1),
                kernelHeight * kernelWidth * in[3], activation);
    }

    /** DEPTHWISE_CONV_2D 3×3 with SAME padding and depth multiplier 1. */
    int depthwise(String name, int input, int stride, Activation activation) {
        int depth = shape(input)[3];
        return windowed(name, BuiltinOperator.DEPTHWISE_CONV_2D, input, new int[] {1, 3, 3, depth}, 3, depth, stride,
                new OperatorOptions.DepthwiseConv2D(Padding.SAME, stride, stride, 1, 1, 1), 9, activation);
    }

    /** AVERAGE_POOL_2D over the whole feature map, then RESHAPE to {1, depth}: the classifier's input. */
    int poolAndFlatten(String name, int input) {
        int[] in = shape(input);
        Quantization quantization = tensors.get(input).quantization();
        int pooled = add(new Tensor(name + "/pool", TensorType.INT8, new int[] {1, 1, 1, in[3]}, quantization, null));
        operators.add(new Operator(BuiltinOperator.AVERAGE_POOL_2D, "AVERAGE_POOL_2D", new int[] {input}, new int[] {pooled},
                Activation.NONE, new OperatorOptions.Pool2D(Padding.VALID, in[2], in[1], in[2], in[1])));
        int flat = add(new Tensor(name + "/flat", TensorType.INT8, new int[] {1, in[3]}, quantization, null));
        operators.add(new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {pooled}, new int[] {flat}, Activation.NONE,
                new OperatorOptions.Reshape(new int[] {1, in[3]})));
        return flat;
    }

    /** FULLY_CONNECTED with per-tensor weights; {@code output} null quantizes the result by the activation. */
    int fullyConnected(String name, int input, int units, Activation activation, Quantization output) {
        int depth = shape(input)[1];
        float weightScale = weightScale(depth);
        int weights = add(new Tensor(name + "/weights", TensorType.INT8, new int[] {units, depth},
                Quantization.perTensor(weightScale, 0), int8(units * depth)));
        int bias = add(new Tensor(name + "/bias", TensorType.INT32, new int[] {units},
                Quantization.perTensor(tensors.get(input).quantization().scale() * weightScale, 0), int32(units, 1000)));
        int out = add(new Tensor(name, TensorType.INT8, new int[] {1, units},
                output != null ? output : quantizationAfter(activation), null));
        operators.add(new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {input, weights, bias},
                new int[] {out}, activation, OperatorOptions.NONE));
        return out;
    }

    /** ADD of two tensors of one shape (a residual connection). */
    int add(String name, int left, int right, Activation activation) {
        int out = add(new Tensor(name, TensorType.INT8, shape(left), quantizationAfter(activation), null));
        operators.add(new Operator(BuiltinOperator.ADD, "ADD", new int[] {left, right}, new int[] {out}, activation,
                new OperatorOptions.Add()));
        return out;
    }

    /** SOFTMAX to int8 probabilities (scale 1/256, zero point −128, as the converter fixes them). */
    int softmax(String name, int input) {
        int out = add(new Tensor(name, TensorType.INT8, shape(input), Quantization.perTensor(1f / 256, -128), null));
        operators.add(new Operator(BuiltinOperator.SOFTMAX, "SOFTMAX", new int[] {input}, new int[] {out},
                Activation.NONE, new OperatorOptions.Softmax(1f)));
        return out;
    }

    TfliteModel build(String description, int output) {
        return new TfliteModel(description, tensors, operators, new int[] {0}, new int[] {output});
    }

    private int windowed(String name, int opcode, int input, int[] filterShape, int channelDimension, int outDepth,
                         int stride, OperatorOptions options, int taps, Activation activation) {
        Tensor in = tensors.get(input);
        int[] shape = in.shape();
        float[] scales = new float[outDepth];
        float[] biasScales = new float[outDepth];
        for (int c = 0; c < outDepth; c++) {
            scales[c] = weightScale(taps) * (float) (0.5 + random.nextDouble());
            biasScales[c] = in.quantization().scale() * scales[c];
        }
        int count = 1;
        for (int d : filterShape) {
            count *= d;
        }
        int filter = add(new Tensor(name + "/filter", TensorType.INT8, filterShape,
                new Quantization(scales, new long[outDepth], channelDimension), int8(count)));
        int bias = add(new Tensor(name + "/bias", TensorType.INT32, new int[] {outDepth},
                new Quantization(biasScales, new long[outDepth], 0), int32(outDepth, 2000)));
        int out = add(new Tensor(name, TensorType.INT8,
                new int[] {1, (shape[1] + stride - 1) / stride, (shape[2] + stride - 1) / stride, outDepth},
                quantizationAfter(activation), null));
        operators.add(new Operator(opcode, name, new int[] {input, filter, bias}, new int[] {out}, activation, options));
        return out;
    }

    private static Quantization quantizationAfter(Activation activation) {
        return activation == Activation.NONE ? CENTRED : RECTIFIED;
    }

    /** Weights of this scale over {@code taps} inputs of ReLU6 activations give outputs of about ±3 (real). */
    private static float weightScale(int taps) {
        return (float) (3.0 / (73 * 3 * Math.sqrt(taps)));
    }

    private int add(Tensor tensor) {
        tensors.add(tensor);
        return tensors.size() - 1;
    }

    private byte[] int8(int count) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (random.nextInt(255) - 127);
        }
        return data;
    }

    private byte[] int32(int count, int magnitude) {
        ByteBuffer data = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putInt(random.nextInt(2 * magnitude + 1) - magnitude);
        }
        return data.array();
    }
}
