package io.tinymlaas.cli;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Models written by hand through the IR, not by our trainer and converter: the closest thing to a user's file that
 * can be made offline.
 */
public final class HandBuiltModels {

    private HandBuiltModels() {
    }

    /** input [1,6,6,1] → CONV_2D 3×3 ×2 (SAME, ReLU) → MAX_POOL_2D 2×2 → RESHAPE [1,18] → FULLY_CONNECTED 3 → SOFTMAX. */
    public static TfliteModel smallCnn() {
        Random random = new Random(2026);
        Quantization in = Quantization.perTensor(0.05f, -10);
        Quantization convOut = Quantization.perTensor(0.08f, -128);
        Quantization fcOut = Quantization.perTensor(0.1f, 3);
        float[] filterScales = {0.02f, 0.03f};
        float wScale = 0.01f;
        List<Tensor> tensors = List.of(
                new Tensor("image", TensorType.INT8, new int[] {1, 6, 6, 1}, in, null),
                new Tensor("conv/filter", TensorType.INT8, new int[] {2, 3, 3, 1},
                        new Quantization(filterScales, new long[2], 0), weights(18, random)),
                new Tensor("conv/bias", TensorType.INT32, new int[] {2},
                        new Quantization(new float[] {in.scale() * filterScales[0], in.scale() * filterScales[1]}, new long[2], 0),
                        ints(random, 2, 500)),
                new Tensor("conv", TensorType.INT8, new int[] {1, 6, 6, 2}, convOut, null),
                new Tensor("pool", TensorType.INT8, new int[] {1, 3, 3, 2}, convOut, null),
                new Tensor("flat", TensorType.INT8, new int[] {1, 18}, convOut, null),
                new Tensor("fc/weights", TensorType.INT8, new int[] {3, 18}, Quantization.perTensor(wScale, 0), weights(54, random)),
                new Tensor("fc/bias", TensorType.INT32, new int[] {3}, Quantization.perTensor(convOut.scale() * wScale, 0),
                        ints(random, 3, 2000)),
                new Tensor("logits", TensorType.INT8, new int[] {1, 3}, fcOut, null),
                new Tensor("probabilities", TensorType.INT8, new int[] {1, 3}, Quantization.perTensor(1f / 256, -128), null));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.CONV_2D, "CONV_2D", new int[] {0, 1, 2}, new int[] {3}, Activation.RELU,
                        new OperatorOptions.Conv2D(OperatorOptions.Padding.SAME, 1, 1, 1, 1)),
                new Operator(BuiltinOperator.MAX_POOL_2D, "MAX_POOL_2D", new int[] {3}, new int[] {4}, Activation.NONE,
                        new OperatorOptions.Pool2D(OperatorOptions.Padding.VALID, 2, 2, 2, 2)),
                new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {4}, new int[] {5}, Activation.NONE,
                        new OperatorOptions.Reshape(new int[] {1, 18})),
                new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {5, 6, 7}, new int[] {8}, Activation.NONE,
                        OperatorOptions.NONE),
                new Operator(BuiltinOperator.SOFTMAX, "SOFTMAX", new int[] {8}, new int[] {9}, Activation.NONE,
                        new OperatorOptions.Softmax(1f)));
        return new TfliteModel("hand-built small CNN", tensors, ops, new int[] {0}, new int[] {9});
    }

    /**
     * {@link #smallCnn()} with its convolution's per-channel bias (one dimension) keeping the axis 3 of depthwise weights,
     * as in TFLM's person_detect.tflite: the 2.6 interpreter rejects it, TFLM and we run it.
     */
    public static TfliteModel smallCnnWithMisplacedBiasAxis() {
        return OperatorHarness.withQuantizationAxis(smallCnn(), 2, 3);
    }

    /** Two inputs a, b [1,2] at their own quantization; two outputs a + b and a·b, as in TFLM's simple_add_model. */
    public static TfliteModel twoInputsTwoOutputs() {
        Quantization a = Quantization.perTensor(0.05f, -10);
        Quantization b = Quantization.perTensor(0.1f, 3);
        List<Tensor> tensors = List.of(
                new Tensor("a", TensorType.INT8, new int[] {1, 2}, a, null),
                new Tensor("b", TensorType.INT8, new int[] {1, 2}, b, null),
                new Tensor("a + b", TensorType.INT8, new int[] {1, 2}, Quantization.perTensor(0.15f, 0), null),
                new Tensor("a * b", TensorType.INT8, new int[] {1, 2}, Quantization.perTensor(0.5f, -5), null));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.ADD, "ADD", new int[] {0, 1}, new int[] {2}, Activation.NONE, new OperatorOptions.Add()),
                new Operator(BuiltinOperator.MUL, "MUL", new int[] {0, 1}, new int[] {3}, Activation.NONE, new OperatorOptions.Mul()));
        return new TfliteModel("hand-built two inputs, two outputs", tensors, ops, new int[] {0, 1}, new int[] {2, 3});
    }

    /**
     * A keyword model with micro_speech's input, the audio front end's [1,49,40,1] features at their own quantization:
     * RESHAPE [1,1960] → FULLY_CONNECTED 4 → SOFTMAX.
     */
    public static TfliteModel keywordDense() {
        Random random = new Random(2027);
        Quantization in = Quantization.perTensor(0.0390625f, -128);
        Quantization logits = Quantization.perTensor(0.2f, 0);
        float wScale = 0.002f;
        List<Tensor> tensors = List.of(
                new Tensor("features", TensorType.INT8, new int[] {1, 49, 40, 1}, in, null),
                new Tensor("flat", TensorType.INT8, new int[] {1, 1960}, in, null),
                new Tensor("fc/weights", TensorType.INT8, new int[] {4, 1960}, Quantization.perTensor(wScale, 0), weights(4 * 1960, random)),
                new Tensor("fc/bias", TensorType.INT32, new int[] {4}, Quantization.perTensor(in.scale() * wScale, 0), ints(random, 4, 2000)),
                new Tensor("logits", TensorType.INT8, new int[] {1, 4}, logits, null),
                new Tensor("probabilities", TensorType.INT8, new int[] {1, 4}, Quantization.perTensor(1f / 256, -128), null));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {0}, new int[] {1}, Activation.NONE,
                        new OperatorOptions.Reshape(new int[] {1, 1960})),
                new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {1, 2, 3}, new int[] {4}, Activation.NONE,
                        OperatorOptions.NONE),
                new Operator(BuiltinOperator.SOFTMAX, "SOFTMAX", new int[] {4}, new int[] {5}, Activation.NONE,
                        new OperatorOptions.Softmax(1f)));
        return new TfliteModel("hand-built keyword model", tensors, ops, new int[] {0}, new int[] {5});
    }

    /** A float32 model (one FULLY_CONNECTED without bias, y = 0.5·x0 − x1), as most published .tflite files are. */
    static TfliteModel floatDense() {
        byte[] w = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f).array();
        List<Tensor> tensors = List.of(
                new Tensor("x", TensorType.FLOAT32, new int[] {1, 2}, null, null),
                new Tensor("w", TensorType.FLOAT32, new int[] {1, 2}, null, w),
                new Tensor("y", TensorType.FLOAT32, new int[] {1, 1}, null, null));
        Operator fc = new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {0, 1, -1}, new int[] {2},
                Activation.NONE, OperatorOptions.NONE);
        return new TfliteModel("float", tensors, List.of(fc), new int[] {0}, new int[] {2});
    }

    /** A float32 picture model: a 2 × 2 grayscale input [1,2,2,1] → RESHAPE [1,4] → FULLY_CONNECTED 1, the sum of the pixels. */
    static TfliteModel floatPictureSum() {
        byte[] w = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(1f).putFloat(1f).putFloat(1f).array();
        List<Tensor> tensors = List.of(
                new Tensor("picture", TensorType.FLOAT32, new int[] {1, 2, 2, 1}, null, null),
                new Tensor("flat", TensorType.FLOAT32, new int[] {1, 4}, null, null),
                new Tensor("w", TensorType.FLOAT32, new int[] {1, 4}, null, w),
                new Tensor("sum", TensorType.FLOAT32, new int[] {1, 1}, null, null));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {0}, new int[] {1}, Activation.NONE,
                        new OperatorOptions.Reshape(new int[] {1, 4})),
                new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {1, 2, -1}, new int[] {3},
                        Activation.NONE, OperatorOptions.NONE));
        return new TfliteModel("float picture sum", tensors, ops, new int[] {0}, new int[] {3});
    }

    /** An int8 REVERSE_V2: a valid model with an operator the compiler does not support. */
    static TfliteModel int8Unsupported() {
        List<Tensor> tensors = List.of(
                new Tensor("x", TensorType.INT8, new int[] {1, 4}, Quantization.perTensor(0.1f, 0), null),
                new Tensor("y", TensorType.INT8, new int[] {1, 4}, Quantization.perTensor(1f / 256, -128), null));
        Operator op = new Operator(BuiltinOperator.REVERSE_V2, "REVERSE_V2", new int[] {0}, new int[] {1}, Activation.NONE,
                OperatorOptions.NONE);
        return new TfliteModel("logistic", tensors, List.of(op), new int[] {0}, new int[] {1});
    }

    private static byte[] weights(int count, Random random) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (random.nextInt(255) - 127);
        }
        return data;
    }

    private static byte[] ints(Random random, int count, int magnitude) {
        ByteBuffer data = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putInt(random.nextInt(2 * magnitude + 1) - magnitude);
        }
        return data.array();
    }
}
