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
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** CONV_2D: our C against the TFLite 2.6 interpreter, bit for bit, on random shapes, quantization and weights. */
public class ConvOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 40;

    @TempDir
    Path dir;

    public static TfliteModel randomConv(Random random, Padding padding, Activation activation) {
        int batches = 1 + random.nextInt(2);
        int height = 1 + random.nextInt(9);
        int width = 1 + random.nextInt(9);
        int inDepth = 1 + random.nextInt(6);
        int outDepth = 1 + random.nextInt(8);
        int filterH = 1 + random.nextInt(Math.min(height, 4));
        int filterW = 1 + random.nextInt(Math.min(width, 4));
        int strideH = 1 + random.nextInt(3);
        int strideW = 1 + random.nextInt(3);
        int outH = OperatorHarness.outputSize(padding, height, filterH, strideH);
        int outW = OperatorHarness.outputSize(padding, width, filterW, strideW);
        Quantization inQ = OperatorHarness.randomActivationQuantization(random);
        Tensor filter = OperatorHarness.perChannelWeights("filter", new int[] {outDepth, filterH, filterW, inDepth}, 0, random);
        Tensor bias = OperatorHarness.bias("bias", inQ, filter.quantization(), 3000, random);
        Quantization outQ = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("input", new int[] {batches, height, width, inDepth}, inQ), filter, bias,
                OperatorHarness.activation("output", new int[] {batches, outH, outW, outDepth}, outQ));
        return OperatorHarness.singleOperator(BuiltinOperator.CONV_2D, tensors, new int[] {0, 1, 2}, activation,
                new OperatorOptions.Conv2D(padding, strideW, strideH, 1, 1));
    }

    @Test
    void randomConvolutionsAreBitExact() {
        Random random = new Random(20240601);
        for (int m = 0; m < MODELS; m++) {
            Padding padding = m % 2 == 0 ? Padding.SAME : Padding.VALID;
            Activation activation = List.of(Activation.NONE, Activation.RELU, Activation.RELU6).get(m % 3);
            OperatorHarness.assertBitExact(randomConv(random, padding, activation), CASES, random, dir, "conv" + m);
        }
    }

    @Test
    void dilationIsRejectedNamingOperatorAndFile() {
        TfliteModel model = randomConv(new Random(1), Padding.VALID, Activation.NONE);
        var op = model.operators().get(0);
        var dilated = new io.tinymlaas.tflite.Operator(op.opcode(), op.name(), op.inputs(), op.outputs(), op.fusedActivation(),
                new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 2, 2));
        TfliteModel withDilation = new TfliteModel("d", model.tensors(), List.of(dilated), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(withDilation, "00", "models/dilated.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/dilated.tflite: operator #0 CONV_2D: dilation 2x2 is not supported");
    }

    @Test
    void float32IsRejectedNamingOperatorAndFile() {
        TfliteModel model = randomConv(new Random(2), Padding.SAME, Activation.NONE);
        List<Tensor> tensors = new java.util.ArrayList<>(model.tensors());
        Tensor filter = tensors.get(1);
        tensors.set(1, new Tensor(filter.name(), TensorType.FLOAT32, filter.shape(), null, new byte[filter.data().length * 4]));
        TfliteModel floatFilter = new TfliteModel("f", tensors, model.operators(), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(floatFilter, "00", "models/float.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/float.tflite: operator #0 CONV_2D: filter 'filter' is FLOAT32");
    }
}
