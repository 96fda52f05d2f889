package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.Rounding;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The int8 bounds of RELU6 and RELU_N1_TO_1 are zero point + round(6 / output scale) (and ±1 / scale): the interpreter
 * divides in float. Where 6 / scale lies next to a half, float and double division round to different bounds and the
 * outputs that reach the clamp move by 1 LSB. Each test picks such an output scale (and zero points at the ends of
 * the int8 range), shows that the two bounds would give different outputs for some of the 256 inputs, and checks our
 * compiled model against the interpreter on all 256.
 */
class ActivationClampBoundaryTest {

    @TempDir
    Path dir;

    /** An output scale for which zero point + round(limit / scale) differs between float and double division. */
    private static float scaleOnAHalf(float limit, int quotientFrom) {
        for (int k = quotientFrom; k < quotientFrom + 200; k++) {
            float scale = (float) (limit / (k + 0.5));
            for (int ulps = -4; ulps <= 4; ulps++) {
                float candidate = scale;
                for (int u = 0; u < Math.abs(ulps); u++) {
                    candidate = ulps < 0 ? Math.nextDown(candidate) : Math.nextUp(candidate);
                }
                if (bound(limit, candidate, true) != bound(limit, candidate, false)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no output scale found on which float and double division of " + limit + " disagree");
    }

    private static long bound(float limit, float scale, boolean inFloat) {
        return Rounding.halfAwayFromZero(inFloat ? limit / scale : (double) limit / (double) scale);
    }

    @Test
    void standaloneRelu6ClampsAtTheBoundTheInterpreterComputesInFloat() {
        float outScale = scaleOnAHalf(6f, 60);
        Quantization in = Quantization.perTensor(0.1f, -128);
        Quantization out = Quantization.perTensor(outScale, -128);
        QuantizedMultiplier multiplier = QuantizedMultiplier.forRelu(in.scale(), out.scale());
        IntUnaryOperator rescaled = x -> RescaleTiesTest.doubleRounding(x - in.zeroPoint(), multiplier);
        TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.RELU6, new int[] {1, 256}, in, out);
        assertSensitiveAndBitExact(model, out, rescaled, 6f, 0f, "relu6");
    }

    @Test
    void fusedReluN1To1ClampsAtTheBoundsTheInterpreterComputesInFloat() {
        float outScale = scaleOnAHalf(1f, 40);
        Quantization in = Quantization.perTensor(0.02f, 0);
        Quantization out = Quantization.perTensor(outScale, 127 - (int) bound(1f, outScale, true));
        float weightScale = 0.01f;
        int weight = 100;
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {256, 1}, in),
                new Tensor("weight", TensorType.INT8, new int[] {1, 1}, Quantization.perTensor(weightScale, 0), new byte[] {(byte) weight}),
                new Tensor("bias", TensorType.INT32, new int[] {1}, Quantization.perTensor(in.scale() * weightScale, 0),
                        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array()),
                OperatorHarness.activation("output", new int[] {256, 1}, out));
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.FULLY_CONNECTED, tensors, new int[] {0, 1, 2},
                Activation.RELU_N1_TO_1, OperatorOptions.NONE);
        QuantizedMultiplier multiplier = QuantizedMultiplier.forFullyConnected(in.scale(), weightScale, out.scale());
        IntUnaryOperator rescaled = x -> RescaleTiesTest.singleRounding((x - in.zeroPoint()) * weight, multiplier);
        assertSensitiveAndBitExact(model, out, rescaled, 1f, -1f, "fc_relu_n1_to_1");
    }

    /** {@code rescaled} gives each input's output before the clamp, less the output zero point. */
    private void assertSensitiveAndBitExact(TfliteModel model, Quantization out, IntUnaryOperator rescaled, float high, float low,
                                            String label) {
        byte[] inFloat = clamped(out, rescaled, high, low, true);
        byte[] inDouble = clamped(out, rescaled, high, low, false);
        assertThat(inFloat).as("%s: float and double bounds must give different outputs, or the test proves nothing", label)
                .isNotEqualTo(inDouble);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) (i - 128);
        }
        byte[] ours = OperatorHarness.runCompiled(model, new byte[][] {all}, dir, label);
        byte[] reference;
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label)) {
            reference = interpreter.invoke(all);
        }
        assertThat(ours).as("%s: %s", label, OperatorHarness.describe(model)).isEqualTo(reference);
        assertThat(Arrays.equals(reference, inFloat)).as("%s: the interpreter clamps at the float bounds", label).isTrue();
    }

    private static byte[] clamped(Quantization out, IntUnaryOperator rescaled, float high, float low, boolean inFloat) {
        int max = (int) Math.min(127, out.zeroPoint() + bound(high, out.scale(), inFloat));
        int min = (int) Math.max(-128, out.zeroPoint() + bound(low, out.scale(), inFloat));
        return RescaleTiesTest.outputs(out, x -> Math.max(min, Math.min(max, out.zeroPoint() + rescaled.applyAsInt(x))) - out.zeroPoint());
    }
}
