package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The 16x8 scheme (int16 activations with zero point 0, int8 weights, int64 bias): our C against the TFLite 2.6
 * interpreter, bit for bit, on random single-operator models whose int16 input is random over its whole range.
 */
class SixteenByEightOperatorTest {

    private static final int MODELS = 8;
    private static final int CASES = 30;

    @TempDir
    Path dir;

    /** A symmetric int16 quantization: zero point 0, scale in [2^-16, 2^-8). */
    static Quantization int16Quantization(Random random) {
        return Quantization.perTensor((float) Math.scalb(1.0 + random.nextDouble(), -16 + random.nextInt(8)), 0);
    }

    static Tensor int16(String name, int[] shape, Quantization q) {
        return new Tensor(name, TensorType.INT16, shape, q, null);
    }

    /** A constant int16 tensor with random values over the whole range. */
    static Tensor int16Constant(String name, int[] shape, Quantization q, Random random) {
        byte[] data = new byte[2 * count(shape)];
        random.nextBytes(data);
        return new Tensor(name, TensorType.INT16, shape, q, data);
    }

    /**
     * An int64 bias of {@code channels} values in ±{@code magnitude}, scale input_scale × weight_scale[c] (one weight
     * scale: per tensor).
     */
    static Tensor int64Bias(String name, Quantization input, Quantization weights, int channels, long magnitude, Random random) {
        float[] scales = new float[channels];
        ByteBuffer data = ByteBuffer.allocate(channels * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            scales[c] = input.scale() * weights.scales()[weights.scales().length == 1 ? 0 : c];
            data.putLong((long) ((random.nextDouble() * 2 - 1) * magnitude));
        }
        // Per tensor weights, per tensor bias: the interpreter checks its one scale against input × weight scale.
        Quantization q = weights.scales().length == 1 ? Quantization.perTensor(scales[0], 0)
                : new Quantization(scales, new long[channels], 0);
        return new Tensor(name, TensorType.INT64, new int[] {channels}, q, data.array());
    }

    private static int count(int[] shape) {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }

    static TfliteModel conv(Random random, boolean depthwise, Padding padding, Activation activation) {
        int batches = 1 + random.nextInt(2);
        int height = 1 + random.nextInt(8);
        int width = 1 + random.nextInt(8);
        int inDepth = 1 + random.nextInt(6);
        int multiplier = depthwise ? 1 + random.nextInt(2) : 1;
        int outDepth = depthwise ? inDepth * multiplier : 1 + random.nextInt(8);
        int filterH = 1 + random.nextInt(Math.min(height, 4));
        int filterW = 1 + random.nextInt(Math.min(width, 4));
        int strideH = 1 + random.nextInt(2);
        int strideW = 1 + random.nextInt(3);
        int outH = OperatorHarness.outputSize(padding, height, filterH, strideH);
        int outW = OperatorHarness.outputSize(padding, width, filterW, strideW);
        Quantization inQ = int16Quantization(random);
        Tensor filter = depthwise
                ? OperatorHarness.perChannelWeights("filter", new int[] {1, filterH, filterW, outDepth}, 3, random)
                : OperatorHarness.perChannelWeights("filter", new int[] {outDepth, filterH, filterW, inDepth}, 0, random);
        Tensor bias = int64Bias("bias", inQ, filter.quantization(), outDepth, 1L << 36, random);
        List<Tensor> tensors = List.of(int16("input", new int[] {batches, height, width, inDepth}, inQ), filter, bias,
                int16("output", new int[] {batches, outH, outW, outDepth}, int16Quantization(random)));
        OperatorOptions options = depthwise
                ? new OperatorOptions.DepthwiseConv2D(padding, strideW, strideH, multiplier, 1, 1)
                : new OperatorOptions.Conv2D(padding, strideW, strideH, 1, 1);
        return OperatorHarness.singleOperator(depthwise ? BuiltinOperator.DEPTHWISE_CONV_2D : BuiltinOperator.CONV_2D, tensors,
                new int[] {0, 1, 2}, activation, options);
    }

    static TfliteModel fullyConnected(Random random, Activation activation, boolean withBias) {
        int batches = 1 + random.nextInt(3);
        int inDepth = 1 + random.nextInt(40);
        int outDepth = 1 + random.nextInt(12);
        Quantization inQ = int16Quantization(random);
        Tensor weights = OperatorHarness.perChannelWeights("weights", new int[] {outDepth, inDepth}, 0, random);
        Quantization perTensor = Quantization.perTensor(weights.quantization().scales()[0], 0);
        weights = new Tensor("weights", TensorType.INT8, weights.shape(), perTensor, weights.data());
        Tensor input = int16("input", new int[] {batches, inDepth}, inQ);
        Tensor output = int16("output", new int[] {batches, outDepth}, int16Quantization(random));
        if (!withBias) {
            return OperatorHarness.singleOperator(BuiltinOperator.FULLY_CONNECTED, List.of(input, weights, output),
                    new int[] {0, 1}, activation, OperatorOptions.NONE);
        }
        Tensor bias = int64Bias("bias", inQ, perTensor, outDepth, 1L << 34, random);
        return OperatorHarness.singleOperator(BuiltinOperator.FULLY_CONNECTED, List.of(input, weights, bias, output),
                new int[] {0, 1, 2}, activation, OperatorOptions.NONE);
    }

    @Test
    void convolutionsAreBitExact() {
        Random random = new Random(1608);
        for (int m = 0; m < MODELS; m++) {
            Padding padding = m % 2 == 0 ? Padding.SAME : Padding.VALID;
            OperatorHarness.assertBitExact(conv(random, false, padding, OperatorHarness.randomActivation(random)), CASES, random,
                    dir, "conv16_" + m);
        }
    }

    @Test
    void depthwiseConvolutionsAreBitExact() {
        Random random = new Random(1609);
        for (int m = 0; m < MODELS; m++) {
            Padding padding = m % 2 == 0 ? Padding.SAME : Padding.VALID;
            OperatorHarness.assertBitExact(conv(random, true, padding, OperatorHarness.randomActivation(random)), CASES, random,
                    dir, "depthwise16_" + m);
        }
    }

    @Test
    void fullyConnectedLayersAreBitExact() {
        Random random = new Random(1610);
        for (int m = 0; m < MODELS; m++) {
            OperatorHarness.assertBitExact(fullyConnected(random, OperatorHarness.randomActivation(random), m % 4 != 3), CASES,
                    random, dir, "fc16_" + m);
        }
    }

    /**
     * Rescale factors just below a power of two have Q31 multipliers from 0x7FFF0000 up, which the interpreter's int64
     * rescaling caps at 0x7FFF instead of rounding to 2^15.
     */
    @Test
    void multipliersNextToAPowerOfTwoAreCappedAsInTheInterpreter() {
        Random random = new Random(1619);
        for (int m = 0; m < 4; m++) {
            TfliteModel model = fullyConnected(random, Activation.NONE, true);
            List<Tensor> tensors = new java.util.ArrayList<>(model.tensors());
            Tensor output = tensors.get(3);
            float product = tensors.get(0).quantization().scale() * tensors.get(1).quantization().scale();
            // 2^19 to 2^22 times the product: the bias (up to 2^34) lands mid-range in int16, where the cap shows.
            float scale = (float) (product / (0.99999 + 0.000009 * random.nextDouble()) * Math.scalb(1.0, 19 + m));
            tensors.set(3, int16(output.name(), output.shape(), Quantization.perTensor(scale, 0)));
            TfliteModel capped = new TfliteModel("capped", tensors, model.operators(), model.inputs(), model.outputs());
            assertThat(QuantizedMultiplier.forFullyConnected(tensors.get(0).quantization().scale(),
                    tensors.get(1).quantization().scale(), scale).multiplier()).isGreaterThanOrEqualTo(0x7FFF0000);
            OperatorHarness.assertBitExact(capped, CASES, random, dir, "fc16_capped" + m);
        }
    }

    /** ADD of the input and a constant: equal shapes, a broadcast channel vector, or a scalar. */
    static TfliteModel add(Random random, int layout, Quantization q1, Quantization q2, Quantization qOut, boolean potScaleInt16,
                           Activation activation) {
        int[] shape = {1, 1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(10)};
        int[] otherShape = switch (layout) {
            case 1 -> new int[] {shape[3]};
            case 2 -> new int[0];
            default -> shape;
        };
        List<Tensor> tensors = List.of(int16("input", shape, q1), int16Constant("other", otherShape, q2, random),
                int16("output", shape, qOut));
        return OperatorHarness.singleOperator(BuiltinOperator.ADD, tensors, new int[] {0, 1}, activation,
                new OperatorOptions.Add(potScaleInt16));
    }

    @Test
    void addsWithGeneralScalesAreBitExact() {
        Random random = new Random(1611);
        for (int m = 0; m < MODELS; m++) {
            TfliteModel model = add(random, m % 3, int16Quantization(random), int16Quantization(random), int16Quantization(random),
                    m % 2 == 0, OperatorHarness.randomActivation(random));
            OperatorHarness.assertBitExact(model, CASES, random, dir, "add16_" + m);
        }
    }

    @Test
    void addsWithPowerOfTwoScalesTakeTheShiftingPathBitExactly() {
        Random random = new Random(1612);
        for (int m = 0; m < MODELS; m++) {
            int outputLog2 = -15 + random.nextInt(4);
            Quantization same = Quantization.perTensor((float) Math.scalb(1.0, outputLog2), 0);
            Quantization finer = Quantization.perTensor((float) Math.scalb(1.0, outputLog2 - 1 - random.nextInt(5)), 0);
            boolean firstFiner = m % 2 == 0;
            TfliteModel model = add(random, 0, firstFiner ? finer : same, firstFiner ? same : finer, same, true,
                    OperatorHarness.randomActivation(random));
            assertThat(AotCompiler.compile(model, "00", "pot.tflite").source()).contains("tinyml_add_s16_pot(");
            OperatorHarness.assertBitExact(model, CASES, random, dir, "add16pot_" + m);
        }
    }

    @Test
    void requantizationsFromInt16AreBitExact() {
        Random random = new Random(1613);
        for (int m = 0; m < MODELS; m++) {
            int[] shape = {1 + random.nextInt(3), 1 + random.nextInt(20)};
            Tensor output = m % 2 == 0 ? int16("output", shape, int16Quantization(random))
                    : OperatorHarness.activation("output", shape, OperatorHarness.randomActivationQuantization(random));
            TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.QUANTIZE,
                    List.of(int16("input", shape, int16Quantization(random)), output), new int[] {0}, Activation.NONE,
                    OperatorOptions.NONE);
            OperatorHarness.assertBitExact(model, CASES, random, dir, "requantize16_" + m);
        }
    }

    @Test
    void float32QuantizesToInt16AndDequantizesBackExactly() {
        Random random = new Random(1614);
        for (int m = 0; m < MODELS; m++) {
            int[] shape = {1 + random.nextInt(3), 1 + random.nextInt(20)};
            Quantization q = int16Quantization(random);
            TfliteModel quantize = OperatorHarness.singleOperator(BuiltinOperator.QUANTIZE,
                    List.of(OperatorHarness.floatActivation("input", shape), int16("output", shape, q)), new int[] {0},
                    Activation.NONE, OperatorOptions.NONE);
            OperatorHarness.assertClose(quantize, CASES, random, dir, "quantize16_" + m, 40000 * q.scale());
            TfliteModel dequantize = OperatorHarness.singleOperator(BuiltinOperator.DEQUANTIZE,
                    List.of(int16("input", shape, q), OperatorHarness.floatActivation("output", shape)), new int[] {0},
                    Activation.NONE, OperatorOptions.NONE);
            assertThat(OperatorHarness.assertClose(dequantize, CASES, random, dir, "dequantize16_" + m, 1f))
                    .as("largest relative difference of the dequantized values").isZero();
        }
    }

    private static final Quantization OUTPUT_2_POW_MINUS_15 = Quantization.perTensor(1f / 32768, 0);

    private static TfliteModel unary(int opcode, Quantization input, Quantization output, int[] shape, OperatorOptions options) {
        return OperatorHarness.singleOperator(opcode, List.of(int16("input", shape, input), int16("output", shape, output)),
                new int[] {0}, Activation.NONE, options);
    }

    private void sigmoidTablesAreBitExact(int opcode, long seed, String label) {
        Random random = new Random(seed);
        for (int m = 0; m < MODELS; m++) {
            // Input scales from 2^-16 to 2^-7, so the input spans from ±0.5 to beyond the table's ±10.7.
            Quantization input = Quantization.perTensor((float) Math.scalb(1.0 + random.nextDouble(), -16 + m), 0);
            OperatorHarness.assertBitExact(unary(opcode, input, OUTPUT_2_POW_MINUS_15, new int[] {1 + random.nextInt(3), 64},
                    OperatorOptions.NONE), CASES, random, dir, label + m);
        }
    }

    @Test
    void logisticsAreBitExact() {
        sigmoidTablesAreBitExact(BuiltinOperator.LOGISTIC, 1615, "logistic16_");
    }

    @Test
    void tanhsAreBitExact() {
        sigmoidTablesAreBitExact(BuiltinOperator.TANH, 1616, "tanh16_");
    }

    @Test
    void softmaxesAreBitExact() {
        Random random = new Random(1617);
        for (int m = 0; m < MODELS; m++) {
            float beta = m % 3 == 0 ? 1f : 0.25f + random.nextFloat() * 2;
            int[] shape = {1 + random.nextInt(3), 1 + random.nextInt(30)};
            OperatorHarness.assertBitExact(unary(BuiltinOperator.SOFTMAX, int16Quantization(random), OUTPUT_2_POW_MINUS_15, shape,
                    new OperatorOptions.Softmax(beta)), CASES, random, dir, "softmax16_" + m);
        }
    }

    /** The input scales at which the interpreter takes gemmlowp's fixed-point logistic (2^-12) and tanh (also 2^-11). */
    @Test
    void theInterpretersFixedPointScalesAreBitExact() {
        Random random = new Random(1618);
        int[] shape = {2, 64};
        for (int log2 : new int[] {-12, -11}) {
            Quantization input = Quantization.perTensor((float) Math.scalb(1.0, log2), 0);
            if (log2 == -12) {
                OperatorHarness.assertBitExact(unary(BuiltinOperator.LOGISTIC, input, OUTPUT_2_POW_MINUS_15, shape,
                        OperatorOptions.NONE), CASES, random, dir, "logistic16_fixed_point");
            }
            OperatorHarness.assertBitExact(unary(BuiltinOperator.TANH, input, OUTPUT_2_POW_MINUS_15, shape, OperatorOptions.NONE),
                    CASES, random, dir, "tanh16_fixed_point" + log2);
        }
    }

    @Test
    void int16WithAZeroPointIsRefusedNamingTheTensor() {
        TfliteModel model = unary(BuiltinOperator.TANH, Quantization.perTensor(1f / 1000, 3), OUTPUT_2_POW_MINUS_15,
                new int[] {1, 8}, OperatorOptions.NONE);
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/tanh.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/tanh.tflite: operator #0 TANH: input 'input' is int16 with zero point 3; the 16x8 scheme "
                        + "needs zero point 0");
    }
}
