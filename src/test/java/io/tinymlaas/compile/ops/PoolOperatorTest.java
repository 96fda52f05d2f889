package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** AVERAGE_POOL_2D and MAX_POOL_2D: our C against the TFLite 2.6 interpreter, bit for bit. */
public class PoolOperatorTest {

    private static final int MODELS = 8;
    private static final int CASES = 50;

    @TempDir
    Path dir;

    public static TfliteModel randomPool(int opcode, Random random, Padding padding, Activation activation, int filterH, int filterW) {
        int batches = 1 + random.nextInt(2);
        int height = filterH + random.nextInt(8);
        int width = filterW + random.nextInt(8);
        int depth = 1 + random.nextInt(12);
        int strideH = 1 + random.nextInt(3);
        int strideW = 1 + random.nextInt(3);
        int outH = OperatorHarness.outputSize(padding, height, filterH, strideH);
        int outW = OperatorHarness.outputSize(padding, width, filterW, strideW);
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("input", new int[] {batches, height, width, depth}, q),
                OperatorHarness.activation("output", new int[] {batches, outH, outW, depth}, q));
        return OperatorHarness.singleOperator(opcode, tensors, new int[] {0}, activation,
                new OperatorOptions.Pool2D(padding, strideW, strideH, filterW, filterH));
    }

    private void randomPoolsAreBitExact(int opcode, long seed, String label) {
        Random random = new Random(seed);
        for (int m = 0; m < MODELS; m++) {
            Padding padding = m % 2 == 0 ? Padding.SAME : Padding.VALID;
            Activation activation = List.of(Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1).get(m % 4);
            int filterH = 1 + random.nextInt(4);
            int filterW = 1 + random.nextInt(4);
            OperatorHarness.assertBitExact(randomPool(opcode, random, padding, activation, filterH, filterW), CASES, random, dir,
                    label + m);
        }
    }

    @Test
    void randomAveragePoolsAreBitExact() {
        randomPoolsAreBitExact(BuiltinOperator.AVERAGE_POOL_2D, 42, "avgpool");
    }

    @Test
    void aGlobalAveragePoolOverMoreThan256TapsIsBitExact() {
        // TFLite switches to its reference kernel above 16x16 windows.
        Random random = new Random(5);
        OperatorHarness.assertBitExact(randomPool(BuiltinOperator.AVERAGE_POOL_2D, random, Padding.VALID, Activation.NONE, 17, 16),
                CASES, random, dir, "globalpool");
    }

    @Test
    void randomMaxPoolsAreBitExact() {
        randomPoolsAreBitExact(BuiltinOperator.MAX_POOL_2D, 43, "maxpool");
    }

    @Test
    void differentInputAndOutputQuantizationIsRejected() {
        TfliteModel model = randomPool(BuiltinOperator.MAX_POOL_2D, new Random(9), Padding.VALID, Activation.NONE, 2, 2);
        List<Tensor> tensors = new java.util.ArrayList<>(model.tensors());
        Tensor out = tensors.get(1);
        tensors.set(1, new Tensor(out.name(), out.type(), out.shape(), Quantization.perTensor(0.5f, 1), null));
        TfliteModel rescaled = new TfliteModel("q", tensors, model.operators(), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(rescaled, "00", "models/pool.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/pool.tflite: operator #0 MAX_POOL_2D: input and output quantization differ");
    }
}
