package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.Rounding;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * QUANTIZE float32 → int8, where a float model input enters an int8 model: round(x / scale) + zero point. Floats next to
 * (k + ½)·scale round differently depending on whether x / scale is taken in double, in float, or as x times a float
 * reciprocal (as SIMD quantizers do). The test picks the floats (of the unclamped range) on which the three disagree,
 * and checks our compiled model against the interpreter on them.
 */
class FloatToInt8QuantizeRoundingTest {

    private static final int VALUES = 64;

    @TempDir
    Path dir;

    @Test
    void floatsNextToHalfStepsQuantizeLikeTheInterpreterWhichDividesInDouble() {
        Random random = new Random(611);
        for (int trial = 0; trial < 2; trial++) {
            Quantization q = OperatorHarness.randomActivationQuantization(random);
            float scale = q.scale();
            float reciprocal = 1f / scale;
            DoubleUnaryOperator inDouble = x -> x / scale;
            DoubleUnaryOperator inFloat = x -> (float) x / scale;
            DoubleUnaryOperator byReciprocal = x -> (float) x * reciprocal;
            List<Float> values = new ArrayList<>();
            for (int k = -128 - q.zeroPoint(); k < 128 - q.zeroPoint() && values.size() < VALUES; k++) {
                float half = (float) ((k + 0.5) * scale);
                for (float x = Math.nextDown(Math.nextDown(half)); x <= Math.nextUp(Math.nextUp(half)) && values.size() < VALUES;
                        x = Math.nextUp(x)) {
                    List<Float> one = List.of(x);
                    if (!Arrays.equals(quantized(one, q, inDouble), quantized(one, q, inFloat))
                            || !Arrays.equals(quantized(one, q, inDouble), quantized(one, q, byReciprocal))) {
                        values.add(x);
                    }
                }
            }
            assertThat(values).as("floats on which the arithmetics disagree").hasSize(VALUES);
            assertThat(quantized(values, q, inFloat)).as("float division must differ somewhere")
                    .isNotEqualTo(quantized(values, q, inDouble));
            assertThat(quantized(values, q, byReciprocal)).as("a float reciprocal must differ somewhere")
                    .isNotEqualTo(quantized(values, q, inDouble));
            List<Tensor> tensors = List.of(OperatorHarness.floatActivation("input", new int[] {1, VALUES}),
                    OperatorHarness.activation("output", new int[] {1, VALUES}, q));
            TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.QUANTIZE, tensors, new int[] {0}, Activation.NONE,
                    OperatorOptions.NONE);
            ByteBuffer input = ByteBuffer.allocate(4 * VALUES).order(ByteOrder.LITTLE_ENDIAN);
            values.forEach(input::putFloat);
            OperatorHarness.assertBitExact(model, new byte[][] {input.array()}, dir, "quantize_f32_" + trial);
        }
    }

    /** Each value divided by the scale as {@code divided} does (in double, exactly, for the double variant), rounded, offset and clamped. */
    private static byte[] quantized(List<Float> values, Quantization q, DoubleUnaryOperator divided) {
        byte[] result = new byte[values.size()];
        for (int i = 0; i < result.length; i++) {
            long rounded = Rounding.halfAwayFromZero(divided.applyAsDouble(values.get(i)));
            result[i] = (byte) Math.max(-128, Math.min(127, rounded + q.zeroPoint()));
        }
        return result;
    }
}
