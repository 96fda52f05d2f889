package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * float32 operators: our C against the TFLite 2.6 interpreter on seeded random single-operator models, every output
 * within {@link OperatorHarness#FLOAT_TOLERANCE} (see {@link OperatorHarness#assertClose}). Where our kernel does the
 * interpreter's float operations in the interpreter's order the outputs must be identical, and the tests say so; only
 * SOFTMAX, LOGISTIC and TANH (libm instead of Eigen's exp/logistic/tanh) and MEAN over the last axis alone (Eigen's
 * vectorized sum) differ by rounding.
 */
class FloatOperatorTest {

    private static final int MODELS = 6;
    private static final int CASES = 12;

    @TempDir
    Path dir;

    private final Random random = new Random(2026);

    private static TfliteModel single(int opcode, List<Tensor> tensors, int[] inputs, Activation activation,
                                      OperatorOptions options) {
        return OperatorHarness.singleOperator(opcode, tensors, inputs, activation, options);
    }

    private Padding padding() {
        return random.nextBoolean() ? Padding.SAME : Padding.VALID;
    }

    private int[] image() {
        return new int[] {1 + random.nextInt(2), 3 + random.nextInt(6), 3 + random.nextInt(6), 1 + random.nextInt(6)};
    }

    @Test
    void fullyConnectedIsIdentical() {
        double worst = 0;
        for (int m = 0; m < MODELS; m++) {
            int batches = 1 + random.nextInt(3);
            int in = 1 + random.nextInt(40);
            int out = 1 + random.nextInt(10);
            List<Tensor> tensors = new ArrayList<>(List.of(OperatorHarness.floatActivation("input", new int[] {batches, in}),
                    OperatorHarness.floatConstant("weights", new int[] {out, in}, 1f, random)));
            int[] inputs = {0, 1};
            if (m % 2 == 0) {
                tensors.add(OperatorHarness.floatConstant("bias", new int[] {out}, 1f, random));
                inputs = new int[] {0, 1, 2};
            }
            tensors.add(OperatorHarness.floatActivation("output", new int[] {batches, out}));
            worst = Math.max(worst, OperatorHarness.assertClose(single(BuiltinOperator.FULLY_CONNECTED, tensors, inputs,
                    OperatorHarness.randomActivation(random), new OperatorOptions.None()), CASES, random, dir, "fc_f32_" + m, 1f));
        }
        assertThat(worst).as("our sums follow the interpreter's GEMM order (tinyml/gemm_order_f32.h)").isZero();
    }

    @Test
    void convolutionIsIdentical() {
        double worst = 0;
        for (int m = 0; m < 2 * MODELS; m++) {
            int[] in = image();
            int fh = 1 + random.nextInt(3);
            int fw = 1 + random.nextInt(3);
            int outDepth = 1 + random.nextInt(30);
            int stride = 1 + random.nextInt(2);
            Padding padding = padding();
            int oh = OperatorHarness.outputSize(padding, in[1], fh, stride);
            int ow = OperatorHarness.outputSize(padding, in[2], fw, stride);
            List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", in),
                    OperatorHarness.floatConstant("filter", new int[] {outDepth, fh, fw, in[3]}, 1f, random),
                    OperatorHarness.floatConstant("bias", new int[] {outDepth}, 1f, random),
                    OperatorHarness.floatActivation("output", new int[] {in[0], oh, ow, outDepth}));
            worst = Math.max(worst, OperatorHarness.assertClose(single(BuiltinOperator.CONV_2D, tensors, new int[] {0, 1, 2},
                    OperatorHarness.randomActivation(random), new OperatorOptions.Conv2D(padding, stride, stride, 1, 1)),
                    CASES, random, dir, "conv_f32_" + m, 1f));
        }
        assertThat(worst).as("our sums follow the interpreter's GEMM order (tinyml/gemm_order_f32.h)").isZero();
    }

    @Test
    void depthwiseConvolutionIsIdentical() {
        double worst = 0;
        for (int m = 0; m < MODELS; m++) {
            int[] in = image();
            int multiplier = 1 + random.nextInt(2);
            int fh = 1 + random.nextInt(3);
            int fw = 1 + random.nextInt(3);
            int stride = 1 + random.nextInt(2);
            Padding padding = padding();
            int outDepth = in[3] * multiplier;
            int oh = OperatorHarness.outputSize(padding, in[1], fh, stride);
            int ow = OperatorHarness.outputSize(padding, in[2], fw, stride);
            List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", in),
                    OperatorHarness.floatConstant("filter", new int[] {1, fh, fw, outDepth}, 1f, random),
                    OperatorHarness.floatConstant("bias", new int[] {outDepth}, 1f, random),
                    OperatorHarness.floatActivation("output", new int[] {in[0], oh, ow, outDepth}));
            worst = Math.max(worst, OperatorHarness.assertClose(single(BuiltinOperator.DEPTHWISE_CONV_2D, tensors, new int[] {0, 1, 2},
                    OperatorHarness.randomActivation(random),
                    new OperatorOptions.DepthwiseConv2D(padding, stride, stride, multiplier, 1, 1)),
                    CASES, random, dir, "depthwise_f32_" + m, 1f));
        }
        assertThat(worst).isZero();
    }

    private double pool(int opcode, String label) {
        double worst = 0;
        for (int m = 0; m < MODELS; m++) {
            int[] in = image();
            int fh = 1 + random.nextInt(3);
            int fw = 1 + random.nextInt(3);
            int stride = 1 + random.nextInt(2);
            Padding padding = padding();
            int oh = OperatorHarness.outputSize(padding, in[1], fh, stride);
            int ow = OperatorHarness.outputSize(padding, in[2], fw, stride);
            List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", in),
                    OperatorHarness.floatActivation("output", new int[] {in[0], oh, ow, in[3]}));
            worst = Math.max(worst, OperatorHarness.assertClose(single(opcode, tensors, new int[] {0},
                    OperatorHarness.randomActivation(random), new OperatorOptions.Pool2D(padding, stride, stride, fw, fh)),
                    CASES, random, dir, label + m, 8f));
        }
        return worst;
    }

    @Test
    void averagePoolingIsIdentical() {
        assertThat(pool(BuiltinOperator.AVERAGE_POOL_2D, "average_pool_f32_")).isZero();
    }

    @Test
    void maxPoolingIsIdentical() {
        assertThat(pool(BuiltinOperator.MAX_POOL_2D, "max_pool_f32_")).isZero();
    }

    @Test
    void reshapeIsIdentical() {
        List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", new int[] {2, 3, 4}),
                OperatorHarness.floatActivation("output", new int[] {6, 4}));
        assertThat(OperatorHarness.assertClose(single(BuiltinOperator.RESHAPE, tensors, new int[] {0}, Activation.NONE,
                new OperatorOptions.Reshape(new int[] {6, 4})), CASES, random, dir, "reshape_f32", 5f)).isZero();
    }

    @Test
    void softmaxIsWithinTolerance() {
        for (int m = 0; m < MODELS; m++) {
            int[] shape = {1 + random.nextInt(4), 1 + random.nextInt(20)};
            List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", shape),
                    OperatorHarness.floatActivation("output", shape));
            OperatorHarness.assertClose(single(BuiltinOperator.SOFTMAX, tensors, new int[] {0}, Activation.NONE,
                    new OperatorOptions.Softmax(0.5f + random.nextFloat())), CASES, random, dir, "softmax_f32_" + m, 6f);
        }
    }

    private double elementwise(int opcode, String label, float range) {
        int[] shape = {2, 3, 5, 7};
        List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", shape),
                OperatorHarness.floatActivation("output", shape));
        return OperatorHarness.assertClose(single(opcode, tensors, new int[] {0}, Activation.NONE, new OperatorOptions.None()),
                CASES, random, dir, label, range);
    }

    @Test
    void logisticAndTanhAreWithinTolerance() {
        elementwise(BuiltinOperator.LOGISTIC, "logistic_f32", 8f);
        elementwise(BuiltinOperator.TANH, "tanh_f32", 8f);
    }

    /**
     * Relative to each output itself, not to max(|output|, 1): logistic's outputs fall to 1e-38 and its interpreter form
     * switches to e^x below -9, where libm's logistic is 1.2e-4 (relative) away from it. Inputs every 0.005 over
     * [-20, 20] and out to -90 (the interpreter's logistic is 0 once e^x is no longer a normal float).
     */
    @Test
    void logisticAndTanhAreWithinTheToleranceOfEachTinyOutputFromMinus90To20() {
        List<Float> values = new ArrayList<>();
        for (int i = -4000; i <= 4000; i++) {
            values.add(i * 0.005f);
        }
        for (float x = -20f; x > -90f; x -= 0.0625f) {
            values.add(x);
        }
        int n = values.size();
        ByteBuffer input = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(input::putFloat);
        for (int opcode : new int[] {BuiltinOperator.LOGISTIC, BuiltinOperator.TANH}) {
            List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", new int[] {1, n}),
                    OperatorHarness.floatActivation("output", new int[] {1, n}));
            TfliteModel model = single(opcode, tensors, new int[] {0}, Activation.NONE, new OperatorOptions.None());
            String label = "edges_f32_" + opcode;
            byte[] ours = OperatorHarness.runCompiled(model, new byte[][] {input.array()}, dir, label);
            byte[] reference;
            try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label)) {
                reference = interpreter.invoke(input.array());
            }
            ByteBuffer o = ByteBuffer.wrap(ours).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer r = ByteBuffer.wrap(reference).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                float got = o.getFloat(4 * i);
                float expected = r.getFloat(4 * i);
                double difference = expected == 0f ? Math.abs(got) : Math.abs((double) got - expected) / Math.abs(expected);
                assertThat(difference).as("%s at x = %s: interpreter %s, ours %s", label, values.get(i), expected, got)
                        .isLessThanOrEqualTo(OperatorHarness.FLOAT_TOLERANCE);
            }
        }
    }

    @Test
    void reluAndRelu6AreIdentical() {
        assertThat(elementwise(BuiltinOperator.RELU, "relu_f32", 10f)).isZero();
        assertThat(elementwise(BuiltinOperator.RELU6, "relu6_f32", 10f)).isZero();
    }

    private double binary(int opcode, String label) {
        double worst = 0;
        OperatorOptions options = opcode == BuiltinOperator.ADD ? new OperatorOptions.Add() : new OperatorOptions.Mul();
        for (AddMulOperatorTest.Layout layout : AddMulOperatorTest.Layout.values()) {
            int[] shape = {1 + random.nextInt(2), 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(9)};
            Tensor input = OperatorHarness.floatActivation("input", shape);
            Tensor output = OperatorHarness.floatActivation("output", shape);
            Activation activation = OperatorHarness.randomActivation(random);
            TfliteModel model;
            if (layout == AddMulOperatorTest.Layout.SAME_TENSOR) {
                model = single(opcode, List.of(input, output), new int[] {0, 0}, activation, options);
            } else {
                int[] otherShape = switch (layout) {
                    case SCALAR -> new int[0];
                    case CHANNEL_BROADCAST -> new int[] {shape[3]};
                    case ROW_BROADCAST -> new int[] {1, shape[1], 1, shape[3]};
                    default -> shape;
                };
                Tensor other = OperatorHarness.floatConstant("other", otherShape, 4f, random);
                int[] inputs = layout == AddMulOperatorTest.Layout.CONSTANT_FIRST ? new int[] {1, 0} : new int[] {0, 1};
                model = single(opcode, List.of(input, other, output), inputs, activation, options);
            }
            worst = Math.max(worst, OperatorHarness.assertClose(model, CASES, random, dir, label + layout, 4f));
        }
        return worst;
    }

    @Test
    void addAndMulAreIdentical() {
        assertThat(binary(BuiltinOperator.ADD, "add_f32_")).isZero();
        assertThat(binary(BuiltinOperator.MUL, "mul_f32_")).isZero();
    }

    @Test
    void meanIsWithinToleranceAndIdenticalOutsideTheLastAxisPath() {
        double worstInOrder = 0;
        for (int m = 0; m < 2 * MODELS; m++) {
            int rank = 1 + m % 4;
            int[] shape = MeanOperatorTest.randomShape(rank, random);
            int[] axes = m % 3 == 0 ? new int[] {rank - 1} : MeanOperatorTest.randomAxes(rank, random);
            boolean keepDims = random.nextBoolean();
            TfliteModel model = MeanOperatorTest.mean(shape, axes, keepDims, null, null);
            List<Tensor> tensors = new ArrayList<>(model.tensors());
            tensors.set(0, OperatorHarness.floatActivation("input", tensors.get(0).shape()));
            tensors.set(2, OperatorHarness.floatActivation("output", tensors.get(2).shape()));
            TfliteModel floatModel = new TfliteModel("mean", tensors, model.operators(), model.inputs(), model.outputs());
            double worst = OperatorHarness.assertClose(floatModel, CASES, random, dir, "mean_f32_" + m, 3f);
            boolean lastAxisOnly = axes.length == 1 && (axes[0] == rank - 1 || axes[0] == -1);
            if (!lastAxisOnly) {
                worstInOrder = Math.max(worstInOrder, worst);
            }
        }
        assertThat(worstInOrder).isZero();
    }

    @Test
    void padIsIdentical() {
        int[] shape = {1, 3, 4, 2};
        List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", shape),
                PadOperatorTest.int32Constant("paddings", new int[] {4, 2}, 0, 0, 1, 2, 2, 0, 0, 1),
                OperatorHarness.floatActivation("output", new int[] {1, 6, 6, 3}));
        assertThat(OperatorHarness.assertClose(single(BuiltinOperator.PAD, tensors, new int[] {0, 1}, Activation.NONE,
                new OperatorOptions.Pad()), CASES, random, dir, "pad_f32", 5f)).isZero();
    }

    @Test
    void concatenationIsIdentical() {
        List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", new int[] {2, 3, 4}),
                OperatorHarness.floatConstant("constant", new int[] {2, 2, 4}, 3f, random),
                OperatorHarness.floatActivation("output", new int[] {2, 8, 4}));
        assertThat(OperatorHarness.assertClose(single(BuiltinOperator.CONCATENATION, tensors, new int[] {0, 1, 0},
                Activation.NONE, new OperatorOptions.Concatenation(1)), CASES, random, dir, "concatenation_f32", 5f)).isZero();
    }

    @Test
    void float16WeightsWidenedByDequantizeAreFoldedAtCompileTime() {
        int[] in = {1, 5, 5, 3};
        short[] half = new short[4 * 3 * 3 * 3];
        ByteBuffer bytes = ByteBuffer.allocate(half.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < half.length; i++) {
            // float16 bit patterns of normal values in ±[2^-4, 2), and a few subnormals
            int exponent = i % 17 == 0 ? 0 : 11 + random.nextInt(5);
            bytes.putShort((short) ((random.nextInt(2) << 15) | (exponent << 10) | random.nextInt(1024)));
        }
        List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", in),
                new Tensor("filter_f16", TensorType.FLOAT16, new int[] {4, 3, 3, 3}, null, bytes.array()),
                OperatorHarness.floatActivation("filter", new int[] {4, 3, 3, 3}),
                OperatorHarness.floatConstant("bias", new int[] {4}, 1f, random),
                OperatorHarness.floatActivation("output", new int[] {1, 5, 5, 4}));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.DEQUANTIZE, "DEQUANTIZE", new int[] {1}, new int[] {2}, Activation.NONE,
                        new OperatorOptions.None()),
                new Operator(BuiltinOperator.CONV_2D, "CONV_2D", new int[] {0, 2, 3}, new int[] {4}, Activation.RELU,
                        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1)));
        TfliteModel model = new TfliteModel("f16", tensors, ops, new int[] {0}, new int[] {4});
        CompiledModel compiled = AotCompiler.compile(model, "00", "f16.tflite");
        assertThat(compiled.source()).doesNotContain("dequantize").contains("static const float tensor2[108]");
        OperatorHarness.assertClose(model, CASES, random, dir, "float16_weights", 1f);
    }
}
