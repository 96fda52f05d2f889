package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * QUANTIZE (int8 → int8) and DEQUANTIZE: our C against the TFLite 2.6 interpreter, bit for bit. The generated model's
 * interface is int8, so DEQUANTIZE is tested through the float round trip DEQUANTIZE → QUANTIZE (float → int8), which
 * exposes every float bit that matters for the int8 result.
 */
class QuantizeOperatorTest {

    private static final int MODELS = 10;
    private static final int CASES = 40;

    @TempDir
    Path dir;

    @Test
    void randomRequantizationsAreBitExact() {
        Random random = new Random(555);
        for (int m = 0; m < MODELS; m++) {
            Quantization input = OperatorHarness.randomActivationQuantization(random);
            Quantization output = OperatorHarness.randomActivationQuantization(random);
            TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.QUANTIZE, ReluOperatorTest.randomShape(random), input, output);
            OperatorHarness.assertBitExact(model, CASES, random, dir, "requantize" + m);
        }
    }

    static TfliteModel roundTrip(int[] shape, Quantization input, Quantization output) {
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, input),
                new Tensor("real", TensorType.FLOAT32, shape, null, null),
                OperatorHarness.activation("output", shape, output));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.DEQUANTIZE, "DEQUANTIZE", new int[] {0}, new int[] {1}, Activation.NONE),
                new Operator(BuiltinOperator.QUANTIZE, "QUANTIZE", new int[] {1}, new int[] {2}, Activation.NONE));
        return new TfliteModel("roundtrip", tensors, ops, new int[] {0}, new int[] {2});
    }

    @Test
    void randomDequantizeQuantizeRoundTripsAreBitExact() {
        Random random = new Random(556);
        for (int m = 0; m < MODELS; m++) {
            Quantization input = OperatorHarness.randomActivationQuantization(random);
            // Every other model halves the resolution exactly, so that ties (x.5) occur and roundf's direction matters.
            Quantization output = m % 2 == 0 ? Quantization.perTensor(input.scale() * 2, random.nextInt(21) - 10)
                    : OperatorHarness.randomActivationQuantization(random);
            OperatorHarness.assertBitExact(roundTrip(ReluOperatorTest.randomShape(random), input, output), CASES, random, dir,
                    "dequantize" + m);
        }
    }

    @Test
    void aDequantizeToInt8IsRejected() {
        Quantization q = Quantization.perTensor(0.1f, 0);
        TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.DEQUANTIZE, new int[] {1, 4}, q, q);
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/dequantize.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/dequantize.tflite: operator #0 DEQUANTIZE: output 'output' is INT8; only FLOAT32");
    }
}
