package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
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

/** DEPTHWISE_CONV_2D: our C against the TFLite 2.6 interpreter, bit for bit. */
public class DepthwiseConvOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 40;

    @TempDir
    Path dir;

    public static TfliteModel randomDepthwise(Random random, Padding padding, Activation activation, int depthMultiplier, int inDepth,
                                       int filterH, int filterW) {
        int batches = 1 + random.nextInt(2);
        int height = filterH + random.nextInt(8);
        int width = filterW + random.nextInt(8);
        int outDepth = inDepth * depthMultiplier;
        int strideH = 1 + random.nextInt(2);
        int strideW = 1 + random.nextInt(2);
        int outH = OperatorHarness.outputSize(padding, height, filterH, strideH);
        int outW = OperatorHarness.outputSize(padding, width, filterW, strideW);
        Quantization inQ = OperatorHarness.randomActivationQuantization(random);
        Tensor filter = OperatorHarness.perChannelWeights("filter", new int[] {1, filterH, filterW, outDepth}, 3, random);
        Tensor bias = OperatorHarness.bias("bias", inQ, filter.quantization(), 3000, random);
        Quantization outQ = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("input", new int[] {batches, height, width, inDepth}, inQ), filter, bias,
                OperatorHarness.activation("output", new int[] {batches, outH, outW, outDepth}, outQ));
        return OperatorHarness.singleOperator(BuiltinOperator.DEPTHWISE_CONV_2D, tensors, new int[] {0, 1, 2}, activation,
                new OperatorOptions.DepthwiseConv2D(padding, strideW, strideH, depthMultiplier, 1, 1));
    }

    @Test
    void randomDepthwiseConvolutionsAreBitExact() {
        Random random = new Random(777);
        for (int m = 0; m < MODELS; m++) {
            Padding padding = m % 2 == 0 ? Padding.SAME : Padding.VALID;
            Activation activation = List.of(Activation.NONE, Activation.RELU, Activation.RELU6).get(m % 3);
            int multiplier = m % 4 == 3 ? 2 : 1;
            // Every third model has the 3x3 filter and depth multiple of 8 that TFLite's specialised kernels take.
            boolean threeByThree = m % 3 == 1;
            int inDepth = threeByThree ? 8 * (1 + random.nextInt(2)) : 1 + random.nextInt(10);
            int filterH = threeByThree ? 3 : 1 + random.nextInt(4);
            int filterW = threeByThree ? 3 : 1 + random.nextInt(4);
            OperatorHarness.assertBitExact(randomDepthwise(random, padding, activation, multiplier, inDepth, filterH, filterW),
                    CASES, random, dir, "depthwise" + m);
        }
    }

    @Test
    void dilationIsRejectedNamingOperatorAndFile() {
        TfliteModel model = randomDepthwise(new Random(3), Padding.VALID, Activation.NONE, 1, 4, 2, 2);
        Operator op = model.operators().get(0);
        Operator dilated = new Operator(op.opcode(), op.name(), op.inputs(), op.outputs(), op.fusedActivation(),
                new OperatorOptions.DepthwiseConv2D(Padding.VALID, 1, 1, 1, 1, 3));
        TfliteModel withDilation = new TfliteModel("d", model.tensors(), List.of(dilated), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(withDilation, "00", "models/dw.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/dw.tflite: operator #0 DEPTHWISE_CONV_2D: dilation 1x3 is not supported");
    }
}
