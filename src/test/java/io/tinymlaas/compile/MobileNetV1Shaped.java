package io.tinymlaas.compile;

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
 * The shape of person_detection's network, MobileNet v1 with width 0.25 on a 96×96×1 image, with seeded random
 * per-channel int8 weights: CONV_2D 3×3/2 to 8 channels, 13 depthwise 3×3 + pointwise 1×1 pairs (16, 32, 32, 64, 64,
 * 128 ×6, 256 ×2 channels; stride 2 where MobileNet halves the image), AVERAGE_POOL_2D 3×3, RESHAPE, FULLY_CONNECTED
 * to 2 classes, SOFTMAX. ReLU6 activations quantized as the converter does (scale 6/255, zero point −128); weight
 * scales keep each layer's outputs spread over the int8 range, so the kernels see realistic data, not saturation.
 * Instruction counts depend on shapes, hardly on values: this is the benchmark for person_detection before a trained
 * model exists.
 */
public final class MobileNetV1Shaped {

    private static final Quantization RELU6 = Quantization.perTensor(6f / 255, -128);
    private static final int[][] SEPARABLE = { // stride, pointwise output channels
        {1, 16}, {2, 32}, {1, 32}, {2, 64}, {1, 64}, {2, 128}, {1, 128}, {1, 128}, {1, 128}, {1, 128}, {1, 128},
        {2, 256}, {1, 256}};

    private final Random random;
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Operator> operators = new ArrayList<>();

    private MobileNetV1Shaped(long seed) {
        random = new Random(seed);
    }

    /** The model, the same for the same seed. */
    public static TfliteModel build(long seed) {
        return new MobileNetV1Shaped(seed).network();
    }

    private TfliteModel network() {
        int x = add(new Tensor("image", TensorType.INT8, new int[] {1, 96, 96, 1}, Quantization.perTensor(1f / 255, -128),
                null));
        x = conv("conv0", x, 3, 8, 2);
        for (int i = 0; i < SEPARABLE.length; i++) {
            x = depthwise("dw" + (i + 1), x, SEPARABLE[i][0]);
            x = conv("pw" + (i + 1), x, 1, SEPARABLE[i][1], 1);
        }
        int[] shape = tensors.get(x).shape();
        int pooled = add(new Tensor("pool", TensorType.INT8, new int[] {1, 1, 1, shape[3]}, RELU6, null));
        operators.add(new Operator(BuiltinOperator.AVERAGE_POOL_2D, "AVERAGE_POOL_2D", new int[] {x}, new int[] {pooled},
                Activation.NONE, new OperatorOptions.Pool2D(Padding.VALID, shape[2], shape[1], shape[2], shape[1])));
        int flat = add(new Tensor("flat", TensorType.INT8, new int[] {1, shape[3]}, RELU6, null));
        operators.add(new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {pooled}, new int[] {flat}, Activation.NONE,
                new OperatorOptions.Reshape(new int[] {1, shape[3]})));
        float weightScale = weightScale(shape[3]);
        int weights = add(new Tensor("fc/weights", TensorType.INT8, new int[] {2, shape[3]},
                Quantization.perTensor(weightScale, 0), int8(2 * shape[3])));
        int bias = add(new Tensor("fc/bias", TensorType.INT32, new int[] {2},
                Quantization.perTensor(RELU6.scale() * weightScale, 0), int32(2, 1000)));
        int logits = add(new Tensor("logits", TensorType.INT8, new int[] {1, 2}, Quantization.perTensor(0.05f, 0), null));
        operators.add(new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {flat, weights, bias},
                new int[] {logits}, Activation.NONE, OperatorOptions.NONE));
        int probabilities = add(new Tensor("probabilities", TensorType.INT8, new int[] {1, 2},
                Quantization.perTensor(1f / 256, -128), null));
        operators.add(new Operator(BuiltinOperator.SOFTMAX, "SOFTMAX", new int[] {logits}, new int[] {probabilities},
                Activation.NONE, new OperatorOptions.Softmax(1f)));
        return new TfliteModel("MobileNet v1 0.25 96x96x1 (random weights)", tensors, operators, new int[] {0},
                new int[] {probabilities});
    }

    private int conv(String name, int input, int kernel, int outDepth, int stride) {
        int[] in = tensors.get(input).shape();
        int[] filterShape = {outDepth, kernel, kernel, in[3]};
        return windowed(name, BuiltinOperator.CONV_2D, input, filterShape, 0, outDepth, stride,
                new OperatorOptions.Conv2D(Padding.SAME, stride, stride, 1, 1), kernel * kernel * in[3]);
    }

    private int depthwise(String name, int input, int stride) {
        int depth = tensors.get(input).shape()[3];
        return windowed(name, BuiltinOperator.DEPTHWISE_CONV_2D, input, new int[] {1, 3, 3, depth}, 3, depth, stride,
                new OperatorOptions.DepthwiseConv2D(Padding.SAME, stride, stride, 1, 1, 1), 9);
    }

    private int windowed(String name, int opcode, int input, int[] filterShape, int channelDimension, int outDepth,
                         int stride, OperatorOptions options, int taps) {
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
                new int[] {1, (shape[1] + stride - 1) / stride, (shape[2] + stride - 1) / stride, outDepth}, RELU6, null));
        operators.add(new Operator(opcode, name, new int[] {input, filter, bias}, new int[] {out}, Activation.RELU6, options));
        return out;
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
