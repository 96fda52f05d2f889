package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Whether the interpreter prepares an operator's multiplier in float or in double arithmetic changes its last bits,
 * and that moves an output by 1 LSB only when an accumulator lies on a rounding tie: random operator tests almost
 * never meet one (a trained hello_world model met one at input −77). Each test here searches for quantization
 * scales where the two arithmetics give different outputs for some of the 256 int8 inputs, then checks that our
 * compiled model matches the reference interpreter on all 256.
 */
public class RescaleTiesTest {

    private static final int SEARCH_LIMIT = 5_000_000;

    @TempDir
    Path dir;

    /** A single-input model over all 256 int8 values, with the outputs float and double arithmetic would give. */
    private record TieCase(TfliteModel model, byte[] inFloat, byte[] inDouble) {
        boolean sensitive() {
            return !Arrays.equals(inFloat, inDouble);
        }
    }

    private interface CaseMaker {
        TieCase make(Random random);
    }

    @Test
    void fullyConnectedMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("fully_connected", random -> weighted(random, BuiltinOperator.FULLY_CONNECTED));
    }

    @Test
    void convolutionMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("conv", random -> weighted(random, BuiltinOperator.CONV_2D));
    }

    @Test
    void depthwiseConvolutionMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("depthwise_conv", random -> weighted(random, BuiltinOperator.DEPTHWISE_CONV_2D));
    }

    @Test
    void perChannelConvolutionMatchesTheInterpreterWhenOnlyOneOfFourChannelsLiesOnATie() {
        assertBitExactOnEveryInput("conv_per_channel", random -> perChannel(random, BuiltinOperator.CONV_2D));
    }

    @Test
    void perChannelDepthwiseConvolutionMatchesTheInterpreterWhenOnlyOneOfFourChannelsLiesOnATie() {
        assertBitExactOnEveryInput("depthwise_per_channel", random -> perChannel(random, BuiltinOperator.DEPTHWISE_CONV_2D));
    }

    @Test
    void reluMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("relu", random -> requantizing(random, BuiltinOperator.RELU));
    }

    @Test
    void quantizeMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("quantize", random -> requantizing(random, BuiltinOperator.QUANTIZE));
    }

    @Test
    void spatialMeanMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("mean", random -> requantizing(random, BuiltinOperator.MEAN));
    }

    @Test
    void addMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("add", random -> binary(random, BuiltinOperator.ADD));
    }

    @Test
    void mulMatchesTheInterpreterOnScalesWhereFloatAndDoubleMultipliersDisagree() {
        assertBitExactOnEveryInput("mul", random -> binary(random, BuiltinOperator.MUL));
    }

    @Test
    void theTrainedHelloWorldThatWasOneLsbOffAtInputMinus77IsBitExactOnEveryInput() {
        TfliteModel model = TfliteReader.read(Path.of("src/test/resources/regressions/hello_world_input_minus77_off_by_one.tflite"));
        assertCompiledMatchesInterpreter(model, "hello_world_minus77");
    }

    private void assertBitExactOnEveryInput(String label, CaseMaker maker) {
        assertCompiledMatchesInterpreter(sensitiveModel(label, maker), label);
    }

    /** The first model the search seeded by {@code label} finds where float and double multipliers give different outputs. */
    private static TfliteModel sensitiveModel(String label, CaseMaker maker) {
        Random random = new Random(label.hashCode());
        for (int attempt = 0; attempt < SEARCH_LIMIT; attempt++) {
            TieCase candidate = maker.make(random);
            if (candidate != null && candidate.sensitive()) {
                return candidate.model();
            }
        }
        throw new AssertionError(label + ": no scales found where float and double multipliers disagree in "
                + SEARCH_LIMIT + " attempts; the test would prove nothing");
    }

    /**
     * The models the FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D tests here use (per tensor, then per channel with a
     * tie in one channel of four), for running the Cortex-M kernels on the same ties; each takes the 256 int8 values as
     * one input.
     */
    public static List<TfliteModel> weightedTieModels() {
        return List.of(sensitiveModel("fully_connected", random -> weighted(random, BuiltinOperator.FULLY_CONNECTED)),
                sensitiveModel("conv", random -> weighted(random, BuiltinOperator.CONV_2D)),
                sensitiveModel("depthwise_conv", random -> weighted(random, BuiltinOperator.DEPTHWISE_CONV_2D)),
                sensitiveModel("conv_per_channel", random -> perChannel(random, BuiltinOperator.CONV_2D)),
                sensitiveModel("depthwise_per_channel", random -> perChannel(random, BuiltinOperator.DEPTHWISE_CONV_2D)));
    }

    private void assertCompiledMatchesInterpreter(TfliteModel model, String label) {
        byte[][] inputs = new byte[256][];
        for (int i = 0; i < 256; i++) {
            inputs[i] = new byte[] {(byte) (i - 128)};
        }
        byte[] ours;
        byte[] reference;
        if (model.input().elementCount() == 256) {
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = inputs[i][0];
            }
            ours = OperatorHarness.runCompiled(model, new byte[][] {all}, dir, label);
            try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label)) {
                reference = interpreter.invoke(all);
            }
        } else {
            ours = OperatorHarness.runCompiled(model, inputs, dir, label);
            reference = new byte[ours.length];
            try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label)) {
                for (int i = 0; i < 256; i++) {
                    byte[] one = interpreter.invoke(inputs[i]);
                    System.arraycopy(one, 0, reference, i * one.length, one.length);
                }
            }
        }
        assertThat(ours).as("%s: %s", label, OperatorHarness.describe(model)).isEqualTo(reference);
    }

    /**
     * FULLY_CONNECTED over 256 rows of one value, or a 1×1 CONV_2D / DEPTHWISE_CONV_2D over a 16×16 one-channel
     * image: one weight and one bias. Depthwise rounds twice, the other two once.
     */
    private static TieCase weighted(Random random, int opcode) {
        Quantization in = OperatorHarness.randomActivationQuantization(random);
        Quantization out = OperatorHarness.randomActivationQuantization(random);
        float weightScale = (float) (0.002 + random.nextDouble() * 0.048);
        int weight = random.nextInt(255) - 127;
        int bias = random.nextInt(2001) - 1000;
        boolean depthwise = opcode == BuiltinOperator.DEPTHWISE_CONV_2D;
        int[] shape = opcode == BuiltinOperator.FULLY_CONNECTED ? new int[] {256, 1} : new int[] {1, 16, 16, 1};
        int[] weightShape = opcode == BuiltinOperator.FULLY_CONNECTED ? new int[] {1, 1} : new int[] {1, 1, 1, 1};
        byte[] biasBytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bias).array();
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, in),
                new Tensor("weight", TensorType.INT8, weightShape,
                        new Quantization(new float[] {weightScale}, new long[1], depthwise ? 3 : 0), new byte[] {(byte) weight}),
                new Tensor("bias", TensorType.INT32, new int[] {1}, Quantization.perTensor(in.scale() * weightScale, 0), biasBytes),
                OperatorHarness.activation("output", shape, out));
        OperatorOptions options = switch (opcode) {
            case BuiltinOperator.CONV_2D -> new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1);
            case BuiltinOperator.DEPTHWISE_CONV_2D -> new OperatorOptions.DepthwiseConv2D(Padding.VALID, 1, 1, 1, 1, 1);
            default -> OperatorOptions.NONE;
        };
        TfliteModel model = OperatorHarness.singleOperator(opcode, tensors, new int[] {0, 1, 2}, Activation.NONE, options);
        IntUnaryOperator accumulator = x -> bias + (x - in.zeroPoint()) * weight;
        QuantizedMultiplier inFloat = QuantizedMultiplier.of((double) (in.scale() * weightScale) / out.scale());
        QuantizedMultiplier inDouble = QuantizedMultiplier.of((double) in.scale() * weightScale / out.scale());
        RoundingRule rounding = depthwise ? RescaleTiesTest::doubleRounding : RescaleTiesTest::singleRounding;
        return new TieCase(model, outputs(out, x -> rounding.apply(accumulator.applyAsInt(x), inFloat)),
                outputs(out, x -> rounding.apply(accumulator.applyAsInt(x), inDouble)));
    }

    /**
     * A 1×1 CONV_2D with four output channels, or a DEPTHWISE_CONV_2D with depth multiplier 4, over a 16×16 one-channel
     * image, weights quantized per channel: a case only when exactly one channel's float and double multipliers give
     * different outputs, so a kernel that applied one channel's multiplier to another would show.
     */
    private static TieCase perChannel(Random random, int opcode) {
        int channels = 4;
        Quantization in = OperatorHarness.randomActivationQuantization(random);
        Quantization out = OperatorHarness.randomActivationQuantization(random);
        boolean depthwise = opcode == BuiltinOperator.DEPTHWISE_CONV_2D;
        float[] scales = new float[channels];
        byte[] weights = new byte[channels];
        ByteBuffer biases = ByteBuffer.allocate(4 * channels).order(ByteOrder.LITTLE_ENDIAN);
        byte[][] inFloat = new byte[channels][];
        byte[][] inDouble = new byte[channels][];
        int sensitive = 0;
        for (int c = 0; c < channels; c++) {
            float weightScale = (float) (0.002 + random.nextDouble() * 0.048);
            int weight = random.nextInt(255) - 127;
            int bias = random.nextInt(2001) - 1000;
            scales[c] = weightScale;
            weights[c] = (byte) weight;
            biases.putInt(bias);
            IntUnaryOperator accumulator = x -> bias + (x - in.zeroPoint()) * weight;
            QuantizedMultiplier single = QuantizedMultiplier.of((double) (in.scale() * weightScale) / out.scale());
            QuantizedMultiplier wide = QuantizedMultiplier.of((double) in.scale() * weightScale / out.scale());
            RoundingRule rounding = depthwise ? RescaleTiesTest::doubleRounding : RescaleTiesTest::singleRounding;
            inFloat[c] = outputs(out, x -> rounding.apply(accumulator.applyAsInt(x), single));
            inDouble[c] = outputs(out, x -> rounding.apply(accumulator.applyAsInt(x), wide));
            sensitive += Arrays.equals(inFloat[c], inDouble[c]) ? 0 : 1;
        }
        if (sensitive != 1) {
            return null;
        }
        float[] biasScales = new float[channels];
        for (int c = 0; c < channels; c++) {
            biasScales[c] = in.scale() * scales[c];
        }
        int[] weightShape = depthwise ? new int[] {1, 1, 1, channels} : new int[] {channels, 1, 1, 1};
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, 16, 16, 1}, in),
                new Tensor("weight", TensorType.INT8, weightShape, new Quantization(scales, new long[channels], depthwise ? 3 : 0), weights),
                new Tensor("bias", TensorType.INT32, new int[] {channels}, new Quantization(biasScales, new long[channels], 0), biases.array()),
                OperatorHarness.activation("output", new int[] {1, 16, 16, channels}, out));
        OperatorOptions options = depthwise ? new OperatorOptions.DepthwiseConv2D(Padding.VALID, 1, 1, channels, 1, 1)
                : new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1);
        TfliteModel model = OperatorHarness.singleOperator(opcode, tensors, new int[] {0, 1, 2}, Activation.NONE, options);
        return new TieCase(model, interleave(inFloat), interleave(inDouble));
    }

    /** Channel-last layout: element (x, c) of per-channel outputs at x·channels + c. */
    private static byte[] interleave(byte[][] perChannel) {
        byte[] result = new byte[256 * perChannel.length];
        for (int c = 0; c < perChannel.length; c++) {
            for (int x = 0; x < 256; x++) {
                result[x * perChannel.length + c] = perChannel[c][x];
            }
        }
        return result;
    }

    /** RELU, QUANTIZE or a spatial MEAN over one pixel: each output is the input rescaled (double rounding). */
    private static TieCase requantizing(Random random, int opcode) {
        Quantization in = OperatorHarness.randomActivationQuantization(random);
        Quantization out = OperatorHarness.randomActivationQuantization(random);
        QuantizedMultiplier inFloat = QuantizedMultiplier.of(in.scale() / out.scale());
        QuantizedMultiplier inDouble = QuantizedMultiplier.of((double) in.scale() / out.scale());
        int low = opcode == BuiltinOperator.RELU ? Math.max(-128, out.zeroPoint()) : -128;
        TfliteModel model;
        if (opcode == BuiltinOperator.MEAN) {
            ByteBuffer axes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(2);
            List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, 1, 1, 256}, in),
                    new Tensor("axes", TensorType.INT32, new int[] {2}, null, axes.array()),
                    OperatorHarness.activation("output", new int[] {1, 1, 1, 256}, out));
            model = OperatorHarness.singleOperator(opcode, tensors, new int[] {0, 1}, Activation.NONE,
                    new OperatorOptions.Reducer(true));
        } else {
            model = ReluOperatorTest.unary(opcode, new int[] {1, 256}, in, out);
        }
        return new TieCase(model,
                outputs(out, x -> Math.max(low - out.zeroPoint(), doubleRounding(x - in.zeroPoint(), inFloat))),
                outputs(out, x -> Math.max(low - out.zeroPoint(), doubleRounding(x - in.zeroPoint(), inDouble))));
    }

    /** ADD or MUL of the input with a constant scalar. */
    private static TieCase binary(Random random, int opcode) {
        Quantization in = OperatorHarness.randomActivationQuantization(random);
        Quantization other = OperatorHarness.randomActivationQuantization(random);
        Quantization out = OperatorHarness.randomActivationQuantization(random);
        int constant = random.nextInt(256) - 128;
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, 256}, in),
                new Tensor("other", TensorType.INT8, new int[] {1, 1}, other, new byte[] {(byte) constant}),
                OperatorHarness.activation("output", new int[] {1, 256}, out));
        OperatorOptions options = opcode == BuiltinOperator.ADD ? new OperatorOptions.Add() : new OperatorOptions.Mul();
        TfliteModel model = OperatorHarness.singleOperator(opcode, tensors, new int[] {0, 1}, Activation.NONE, options);
        if (opcode == BuiltinOperator.MUL) {
            IntUnaryOperator product = x -> (x - in.zeroPoint()) * (constant - other.zeroPoint());
            QuantizedMultiplier inFloat = QuantizedMultiplier.of(in.scale() * other.scale() / out.scale());
            QuantizedMultiplier inDouble = QuantizedMultiplier.of((double) in.scale() * other.scale() / out.scale());
            return new TieCase(model, outputs(out, x -> doubleRounding(product.applyAsInt(x), inFloat)),
                    outputs(out, x -> doubleRounding(product.applyAsInt(x), inDouble)));
        }
        return new TieCase(model, outputs(out, x -> add(x, constant, in, other, out, true)),
                outputs(out, x -> add(x, constant, in, other, out, false)));
    }

    private static int add(int x, int y, Quantization q1, Quantization q2, Quantization out, boolean inFloat) {
        float twiceMax = 2 * Math.max(q1.scale(), q2.scale());
        float outputDivisor = (1 << 20) * out.scale();
        QuantizedMultiplier m1 = QuantizedMultiplier.of(inFloat ? q1.scale() / twiceMax : (double) q1.scale() / twiceMax);
        QuantizedMultiplier m2 = QuantizedMultiplier.of(inFloat ? q2.scale() / twiceMax : (double) q2.scale() / twiceMax);
        QuantizedMultiplier mOut = QuantizedMultiplier.of(inFloat ? twiceMax / outputDivisor : (double) twiceMax / outputDivisor);
        int sum = doubleRounding((x - q1.zeroPoint()) << 20, m1) + doubleRounding((y - q2.zeroPoint()) << 20, m2);
        return doubleRounding(sum, mOut);
    }

    private interface RoundingRule {
        int apply(int accumulator, QuantizedMultiplier multiplier);
    }

    /** For each of the 256 inputs x (−128 … 127), the int8 output zero point + rescaled(x). */
    static byte[] outputs(Quantization out, IntUnaryOperator rescaled) {
        byte[] result = new byte[256];
        for (int i = 0; i < 256; i++) {
            result[i] = (byte) Math.max(-128, Math.min(127, out.zeroPoint() + rescaled.applyAsInt(i - 128)));
        }
        return result;
    }

    static int singleRounding(int x, QuantizedMultiplier m) {
        int totalShift = 31 - m.shift();
        return (int) (((long) x * m.multiplier() + (1L << (totalShift - 1))) >> totalShift);
    }

    static int doubleRounding(int x, QuantizedMultiplier m) {
        int leftShift = Math.max(m.shift(), 0);
        int rightShift = Math.max(-m.shift(), 0);
        long product = (long) (x << leftShift) * m.multiplier();
        long nudge = product >= 0 ? 1L << 30 : 1 - (1L << 30);
        int high = (int) ((product + nudge) / (1L << 31));
        int mask = (1 << rightShift) - 1;
        int threshold = (mask >> 1) + (high < 0 ? 1 : 0);
        return (high >> rightShift) + ((high & mask) > threshold ? 1 : 0);
    }
}
