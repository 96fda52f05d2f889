package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
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

/** RELU and RELU6 as standalone int8 operators (with requantization): our C against the TFLite 2.6 interpreter. */
class ReluOperatorTest {

    private static final int MODELS = 10;
    private static final int CASES = 40;

    @TempDir
    Path dir;

    static int[] randomShape(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new int[] {1, 1 + random.nextInt(300)};
            case 1 -> new int[] {1, 1 + random.nextInt(6), 1 + random.nextInt(6), 1 + random.nextInt(16)};
            default -> new int[] {2 + random.nextInt(3), 1 + random.nextInt(50)};
        };
    }

    static TfliteModel unary(int opcode, int[] shape, Quantization input, Quantization output) {
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, input),
                OperatorHarness.activation("output", shape, output));
        return OperatorHarness.singleOperator(opcode, tensors, new int[] {0}, Activation.NONE, OperatorOptions.NONE);
    }

    private void randomModelsAreBitExact(int opcode, long seed, String label) {
        Random random = new Random(seed);
        for (int m = 0; m < MODELS; m++) {
            Quantization input = OperatorHarness.randomActivationQuantization(random);
            // Every third model keeps the input quantization; the others rescale, up and down.
            Quantization output = m % 3 == 0 ? input : OperatorHarness.randomActivationQuantization(random);
            OperatorHarness.assertBitExact(unary(opcode, randomShape(random), input, output), CASES, random, dir, label + m);
        }
    }

    @Test
    void randomRelusAreBitExact() {
        randomModelsAreBitExact(BuiltinOperator.RELU, 11, "relu");
    }

    @Test
    void randomRelu6sAreBitExact() {
        randomModelsAreBitExact(BuiltinOperator.RELU6, 12, "relu6");
    }

    @Test
    void aPerChannelQuantizedInputIsRejected() {
        Quantization perChannel = new Quantization(new float[] {0.1f, 0.2f}, new long[2], 1);
        List<Tensor> tensors = List.of(new Tensor("input", TensorType.INT8, new int[] {1, 2}, perChannel, null),
                OperatorHarness.activation("output", new int[] {1, 2}, Quantization.perTensor(0.1f, 0)));
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.RELU6, tensors, new int[] {0}, Activation.NONE,
                OperatorOptions.NONE);
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/relu.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/relu.tflite: operator #0 RELU6: input 'input' is quantized per channel");
    }
}
