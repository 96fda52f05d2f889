package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The TFLM profile's differences from TF Lite 2.6, each on a case worked out by hand where the two disagree: the
 * default profile must give the 2.6 interpreter's answer (checked against it), the TFLM profile TFLM's.
 */
class TflmArithmeticTest {

    @TempDir
    Path dir;

    /** Runs one-value-per-inference inputs through the model compiled for a profile; one output byte each. */
    private byte[] run(TfliteModel model, byte[][] inputs, ArithmeticProfile profile) {
        return OperatorHarness.runCompiled(model, inputs, dir, profile.cliName(), profile);
    }

    private static byte[] interpreter(TfliteModel model, byte[][] inputs) {
        try (ReferenceInterpreter reference = ReferenceInterpreter.load(TfliteWriter.write(model), "case.tflite")) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (byte[] input : inputs) {
                all.writeBytes(reference.invoke(input));
            }
            return all.toByteArray();
        }
    }

    private static byte[][] values(int... values) {
        byte[][] inputs = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            inputs[i] = new byte[] {(byte) values[i]};
        }
        return inputs;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /**
     * The multiplier 1 · 0.5 / 2 = 1/4 is Q31 2^30 with shift −1. 2.6's GEMM rounds once: 5/4 → 1, −6/4 = −1.5 → −1
     * (half up). TFLM rounds twice: 5/2 → 3 then 3/2 → 2; −6/2 = −3 then −1.5 → −2 (both half away from zero).
     */
    @Test
    void fullyConnectedRoundsTwiceInTflm() {
        Quantization unit = Quantization.perTensor(1f, 0);
        Tensor weights = new Tensor("w", TensorType.INT8, new int[] {1, 1}, Quantization.perTensor(0.5f, 0), new byte[] {1});
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.FULLY_CONNECTED,
                List.of(OperatorHarness.activation("in", new int[] {1, 1}, unit), weights,
                        OperatorHarness.activation("out", new int[] {1, 1}, Quantization.perTensor(2f, 0))),
                new int[] {0, 1}, Activation.NONE, new OperatorOptions.None());
        byte[][] inputs = values(5, -6);
        assertThat(interpreter(model, inputs)).containsExactly(bytes(1, -1));
        assertThat(run(model, inputs, ArithmeticProfile.TFLITE_2_6)).containsExactly(bytes(1, -1));
        assertThat(run(model, inputs, ArithmeticProfile.TFLM)).containsExactly(bytes(2, -2));
    }

    /**
     * MEAN over 3 values, same quantization in and out: 2.6 divides the raw sum in integers (2/3 → 0, −2/3 → 0); TFLM
     * folds 1/3 into the multiplier of 1.0 (2^30 shift 1 → 2^31/3 = 715827882 shift 0) and rounds 2/3 → 1, −2/3 → −1.
     */
    @Test
    void meanFoldsTheCountIntoItsMultiplierInTflm() {
        Quantization unit = Quantization.perTensor(1f, 0);
        TfliteModel model = MeanOperatorTest.mean(new int[] {1, 3}, new int[] {1}, false, unit, unit);
        byte[][] inputs = {bytes(1, 1, 0), bytes(-1, -1, 0), bytes(1, 1, 1)};
        assertThat(interpreter(model, inputs)).containsExactly(bytes(0, 0, 1));
        assertThat(run(model, inputs, ArithmeticProfile.TFLITE_2_6)).containsExactly(bytes(0, 0, 1));
        assertThat(run(model, inputs, ArithmeticProfile.TFLM)).containsExactly(bytes(1, -1, 1));
        assertThat(MeanLowering.foldCount(QuantizedMultiplier.of(1.0), 3)).isEqualTo(new QuantizedMultiplier(715827882, 0));
    }

    /**
     * RELU6 from scale 0.05, zero point −10 to scale 0.1, zero point 0: 2.6 requantizes (50 → 3.0 → 30, 127 → 6.85 →
     * clamped to 60, −20 → 0); TFLM clamps the input values to [−10, round(6 / 0.05) − 10 = 110] and keeps them.
     */
    @Test
    void relu6DoesNotRequantizeInTflm() {
        TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.RELU6, new int[] {1, 1}, Quantization.perTensor(0.05f, -10),
                Quantization.perTensor(0.1f, 0));
        byte[][] inputs = values(50, 127, -20);
        assertThat(interpreter(model, inputs)).containsExactly(bytes(30, 60, 0));
        assertThat(run(model, inputs, ArithmeticProfile.TFLITE_2_6)).containsExactly(bytes(30, 60, 0));
        assertThat(run(model, inputs, ArithmeticProfile.TFLM)).containsExactly(bytes(50, 110, -10));
    }

    /**
     * QUANTIZE of 0.25f to scale 0.1f: 0.25 / 0.100000001490116 = 2.49999996 in double (2.6) rounds to 2; TFLM divides
     * in float, where the quotient is 2.5, and rounds half away from zero to 3.
     */
    @Test
    void quantizeDividesInFloatInTflm() {
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.QUANTIZE,
                List.of(OperatorHarness.floatActivation("in", new int[] {1, 1}),
                        OperatorHarness.activation("out", new int[] {1, 1}, Quantization.perTensor(0.1f, 0))),
                new int[] {0}, Activation.NONE, new OperatorOptions.None());
        byte[][] inputs = {ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).array()};
        assertThat(interpreter(model, inputs)).containsExactly(bytes(2));
        assertThat(run(model, inputs, ArithmeticProfile.TFLITE_2_6)).containsExactly(bytes(2));
        assertThat(run(model, inputs, ArithmeticProfile.TFLM)).containsExactly(bytes(3));
    }

    /** MUL of scales 0.1 · 0.1 / 0.1: 2.6 prepares 0.1 in float (0.100000024 → Q31 1717987072), TFLM in double. */
    @Test
    void mulPreparesItsMultiplierInDoubleInTflm() {
        assertThat(QuantizedMultiplier.forMul(0.1f, 0.1f, 0.1f)).isEqualTo(new QuantizedMultiplier(1717987072, -3));
        assertThat(QuantizedMultiplier.forMulTflm(0.1f, 0.1f, 0.1f)).isEqualTo(new QuantizedMultiplier(1717986944, -3));
    }

    /** gemmlowp's fixed point where it is exact: exp(0) = 1 and logistic(0) = 1/2, whatever the integer bits. */
    @Test
    void fixedPointFunctionsAreExactAtZero() {
        assertThat(GemmlowpFixedPoint.expOnNegativeValues(0, 5)).isEqualTo(Integer.MAX_VALUE);
        assertThat(GemmlowpFixedPoint.logistic(0, 4)).isEqualTo(1 << 30);
        assertThat(GemmlowpFixedPoint.tanh(0, 4)).isZero();
        assertThat(TflmTables.logistic(Quantization.perTensor(0.1f, 7))[7]).as("logistic at its zero point").isZero();
    }

    @Test
    void anInt8LstmIsRefusedInTflmOnly() {
        TfliteModel model = LstmOperatorTest.randomLstm(new Random(5), true, 1);
        assertThat(AotCompiler.compile(model, "00", "lstm.tflite").source()).contains("tinyml_lstm");
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "lstm.tflite", ArithmeticProfile.TFLM))
                .isInstanceOf(CompilationException.class)
                .hasMessage("lstm.tflite: operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM is not TFLM-exact yet (its integer LSTM "
                        + "differs from TF Lite 2.6's); compile it with --reference tflite-2.6");
    }

    @Test
    void aModelCompiledForTflmRefusesToBuildWithoutItsDefine() {
        TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.RELU, new int[] {1, 4}, Quantization.perTensor(0.1f, 0),
                Quantization.perTensor(0.1f, 0));
        assertThat(AotCompiler.compile(model, "00", "m.tflite", ArithmeticProfile.TFLM).source())
                .contains("#if !TINYML_TFLM_ARITHMETIC\n#error \"compiled for --reference tflm: build every file with "
                        + "-DTINYML_TFLM_ARITHMETIC=1\"");
        assertThat(AotCompiler.compile(model, "00", "m.tflite").source()).doesNotContain("TINYML_TFLM_ARITHMETIC");
    }
}
