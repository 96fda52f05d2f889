package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.Rounding;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * AVERAGE_POOL_2D and the three int8 MEAN paths divide a sum by a count, and how they round an exact half (or truncate)
 * shows only on sums that land there. Each test feeds inputs drawn mostly from the extremes of int8 and its middle, so
 * that many sums of both signs are exact halves (or not multiples of the count), shows with a Java model of the
 * division that the candidate rounding rules would give different outputs on these very inputs, and then checks our
 * compiled model against the interpreter on them.
 */
class AveragingRoundingTest {

    private static final int CASES = 12;

    @TempDir
    Path dir;

    /** Rounds the quotient of a sum and a count; the rules the interpreter's kernels might use. */
    private static final IntBinaryOperator HALF_AWAY_FROM_ZERO = (sum, count) ->
            sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
    private static final IntBinaryOperator HALF_UP = (sum, count) -> Math.floorDiv(2 * sum + count, 2 * count);
    private static final IntBinaryOperator TOWARD_ZERO = (sum, count) -> sum / count;
    private static final IntBinaryOperator FLOOR = Math::floorDiv;

    private static byte[][] tieProneInputs(int size, Random random) {
        int[] values = {-128, -127, -2, -1, 0, 1, 2, 126, 127};
        byte[][] inputs = new byte[CASES][size];
        for (byte[] input : inputs) {
            for (int i = 0; i < size; i++) {
                input[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) - 128 : values[random.nextInt(values.length)]);
            }
        }
        return inputs;
    }

    @Test
    void averagePoolRoundsExactHalvesLikeTheInterpreterWhereSamePaddingChangesTheCount() {
        Random random = new Random(2611);
        Object[][] geometries = {{Padding.SAME, 3, 1}, {Padding.SAME, 4, 2}, {Padding.VALID, 2, 2}};
        for (Object[] geometry : geometries) {
            Padding padding = (Padding) geometry[0];
            int filter = (int) geometry[1];
            int stride = (int) geometry[2];
            int size = 9;
            int depth = 3;
            int out = OperatorHarness.outputSize(padding, size, filter, stride);
            Quantization q = Quantization.perTensor(0.05f, -3);
            TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.AVERAGE_POOL_2D,
                    List.of(OperatorHarness.activation("input", new int[] {1, size, size, depth}, q),
                            OperatorHarness.activation("output", new int[] {1, out, out, depth}, q)),
                    new int[] {0}, Activation.NONE, new OperatorOptions.Pool2D(padding, stride, stride, filter, filter));
            byte[][] inputs = tieProneInputs(size * size * depth, random);
            List<int[]> sums = new ArrayList<>();
            for (byte[] input : inputs) {
                sums.addAll(windowSums(input, size, depth, filter, stride, out));
            }
            String label = "avgpool_" + padding + filter + "s" + stride;
            assertSensitive(label, sums, HALF_AWAY_FROM_ZERO, HALF_UP);
            assertSensitive(label, sums, HALF_AWAY_FROM_ZERO, (sum, count) -> -HALF_UP.applyAsInt(-sum, count));
            if (padding == Padding.SAME) {
                assertThat(sums.stream().filter(s -> 2 * Math.floorMod(s[0], s[1]) == s[1]).mapToInt(s -> s[1]).distinct().count())
                        .as("%s: exact halves at more than one window size", label).isGreaterThan(1);
            }
            OperatorHarness.assertBitExact(model, inputs, dir, label);
        }
    }

    /** {sum, count} of every output of a square pool over a size × size × depth image (TF Lite's SAME offsets). */
    private static List<int[]> windowSums(byte[] input, int size, int depth, int filter, int stride, int out) {
        int pad = LoweringSupport.paddingBefore(stride, size, filter, out);
        List<int[]> sums = new ArrayList<>();
        for (int oy = 0; oy < out; oy++) {
            for (int ox = 0; ox < out; ox++) {
                for (int c = 0; c < depth; c++) {
                    int sum = 0;
                    int count = 0;
                    for (int y = oy * stride - pad; y < oy * stride - pad + filter; y++) {
                        for (int x = ox * stride - pad; x < ox * stride - pad + filter; x++) {
                            if (y >= 0 && y < size && x >= 0 && x < size) {
                                sum += input[(y * size + x) * depth + c];
                                count++;
                            }
                        }
                    }
                    sums.add(new int[] {sum, count});
                }
            }
        }
        return sums;
    }

    @Test
    void spatialMeanRoundsExactHalvesOfBothSignsLikeTheInterpreter() {
        // Equal scales make the multiplier exactly 1, so the sum reaches the division unchanged.
        Quantization q = Quantization.perTensor(0.05f, -3);
        TfliteModel model = MeanOperatorTest.mean(new int[] {1, 2, 2, 64}, new int[] {1, 2}, true, q, q);
        byte[][] inputs = tieProneInputs(256, new Random(2612));
        List<int[]> sums = reducedSums(inputs, 64, 4, q.zeroPoint(), true);
        assertSensitive("mean_spatial", sums, HALF_AWAY_FROM_ZERO, HALF_UP);
        assertSensitive("mean_spatial", sums, HALF_AWAY_FROM_ZERO, (sum, count) -> -HALF_UP.applyAsInt(-sum, count));
        OperatorHarness.assertBitExact(model, inputs, dir, "mean_spatial");
    }

    @Test
    void sameQuantizationMeanTruncatesNegativeSumsLikeTheInterpreter() {
        Quantization q = Quantization.perTensor(0.05f, -3);
        TfliteModel model = MeanOperatorTest.mean(new int[] {32, 7}, new int[] {-1}, false, q, q);
        byte[][] inputs = tieProneInputs(224, new Random(2613));
        List<int[]> sums = reducedSums(inputs, 32, 7, 0, false);
        assertSensitive("mean_same", sums, TOWARD_ZERO, FLOOR);
        assertSensitive("mean_same", sums, TOWARD_ZERO, HALF_AWAY_FROM_ZERO);
        OperatorHarness.assertBitExact(model, inputs, dir, "mean_same");
    }

    @Test
    void floatMeanRoundsExactHalvesAwayFromZeroLikeTheInterpreter() {
        // Output scale twice the input's: mean · 0.5 + bias is exactly representable, and an exact half for odd sums.
        Quantization in = Quantization.perTensor(0.05f, -4);
        Quantization out = Quantization.perTensor(0.1f, 0);
        TfliteModel model = MeanOperatorTest.mean(new int[] {128, 2}, new int[] {1}, false, in, out);
        byte[][] inputs = tieProneInputs(256, new Random(2614));
        float scale = in.scale() / out.scale();
        float bias = (float) -in.zeroPoint() * scale;
        int halves = 0;
        for (int[] s : reducedSums(inputs, 128, 2, 0, false)) {
            float value = (float) s[0] / s[1] * scale + bias;
            halves += value != Math.rint(value) && value * 2 == Math.rint(value * 2) && Math.rint(value) % 2 == 0 ? 1 : 0;
        }
        assertThat(halves).as("exact halves where half-away and half-even rounding differ").isGreaterThan(0);
        OperatorHarness.assertBitExact(model, inputs, dir, "mean_float_halves");
    }

    @Test
    void floatMeanMultipliesAndAddsWithoutFusingLikeTheInterpreter() {
        // A fused multiply-add (a compiler contracting mean * scale + bias) rounds differently for some sums: search scales
        // where it changes an output, and feed exactly those sums.
        Random random = new Random(2615);
        for (int attempt = 0; attempt < 100_000; attempt++) {
            Quantization in = OperatorHarness.randomActivationQuantization(random);
            Quantization out = OperatorHarness.randomActivationQuantization(random);
            int count = 2 + random.nextInt(7);
            float scale = in.scale() / out.scale();
            float bias = (float) -in.zeroPoint() * scale;
            List<byte[]> inputs = new ArrayList<>();
            for (int sum = -128 * count; sum <= 127 * count; sum++) {
                float mean = (float) sum / (float) count;
                if (Rounding.halfAwayFromZero(mean * scale + bias) != Rounding.halfAwayFromZero(Math.fma(mean, scale, bias))) {
                    inputs.add(spread(sum, count));
                }
            }
            if (!inputs.isEmpty()) {
                OperatorHarness.assertBitExact(MeanOperatorTest.mean(new int[] {1, count}, new int[] {1}, false, in, out),
                        inputs.toArray(byte[][]::new), dir, "mean_float_unfused");
                return;
            }
        }
        throw new AssertionError("no scales found where a fused multiply-add changes the float mean; the test would prove nothing");
    }

    /** count int8 values adding up to sum. */
    private static byte[] spread(int sum, int count) {
        byte[] values = new byte[count];
        int left = sum;
        for (int i = 0; i < count; i++) {
            int rest = count - 1 - i;
            int value = Math.max(-128, Math.min(127, left - rest * (left > 0 ? 127 : -128)));
            values[i] = (byte) (i == count - 1 ? left : value);
            left -= values[i];
        }
        return values;
    }

    /**
     * {sum, count} per output of a reduction over groups of {@code count} values, less the zero point: groups are
     * consecutive values (reduced last axis), or, when {@code strided}, every {@code outputs}-th value (spatial mean).
     */
    private static List<int[]> reducedSums(byte[][] inputs, int outputs, int count, int zeroPoint, boolean strided) {
        List<int[]> sums = new ArrayList<>();
        for (byte[] input : inputs) {
            for (int o = 0; o < outputs; o++) {
                int sum = 0;
                for (int k = 0; k < count; k++) {
                    sum += input[strided ? k * outputs + o : o * count + k] - zeroPoint;
                }
                sums.add(new int[] {sum, count});
            }
        }
        return sums;
    }

    /** The inputs must contain sums on which the two rules give different quotients, or the test proves nothing. */
    private static void assertSensitive(String label, List<int[]> sums, IntBinaryOperator rule, IntBinaryOperator other) {
        assertThat(sums.stream().filter(s -> rule.applyAsInt(s[0], s[1]) != other.applyAsInt(s[0], s[1])).count())
                .as("%s: sums on which the rounding rules disagree", label).isGreaterThan(0);
    }
}
