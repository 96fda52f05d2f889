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

/**
 * ADD and MUL int8 with broadcasting: our C against the TFLite 2.6 interpreter, bit for bit. The harness feeds one
 * graph input, so the other operand is a random constant tensor (on either side), or the input itself.
 */
class AddMulOperatorTest {

    private static final int CASES = 30;

    @TempDir
    Path dir;

    enum Layout { EQUAL, SCALAR, CHANNEL_BROADCAST, ROW_BROADCAST, CONSTANT_FIRST, SAME_TENSOR }

    static Tensor constant(String name, int[] shape, Quantization q, Random random) {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        byte[] data = new byte[count];
        random.nextBytes(data);
        return new Tensor(name, TensorType.INT8, shape, q, data);
    }

    static TfliteModel binary(int opcode, Layout layout, Activation activation, Random random) {
        int[] shape = {1 + random.nextInt(2), 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(12)};
        Quantization q1 = OperatorHarness.randomActivationQuantization(random);
        Quantization q2 = OperatorHarness.randomActivationQuantization(random);
        Quantization qOut = OperatorHarness.randomActivationQuantization(random);
        OperatorOptions options = opcode == BuiltinOperator.ADD ? new OperatorOptions.Add() : new OperatorOptions.Mul();
        Tensor input = OperatorHarness.activation("input", shape, q1);
        Tensor output = OperatorHarness.activation("output", shape, qOut);
        if (layout == Layout.SAME_TENSOR) {
            return OperatorHarness.singleOperator(opcode, List.of(input, output), new int[] {0, 0}, activation, options);
        }
        int[] otherShape = switch (layout) {
            case SCALAR -> new int[0];
            case CHANNEL_BROADCAST -> new int[] {shape[3]};
            case ROW_BROADCAST -> new int[] {1, shape[1], 1, shape[3]};
            default -> shape;
        };
        Tensor other = constant("other", otherShape, q2, random);
        int[] inputs = layout == Layout.CONSTANT_FIRST ? new int[] {1, 0} : new int[] {0, 1};
        return OperatorHarness.singleOperator(opcode, List.of(input, other, output), inputs, activation, options);
    }

    private void randomModelsAreBitExact(int opcode, long seed, String label) {
        Random random = new Random(seed);
        int m = 0;
        for (Layout layout : Layout.values()) {
            for (int i = 0; i < 2; i++) {
                Activation activation = OperatorHarness.randomActivation(random);
                OperatorHarness.assertBitExact(binary(opcode, layout, activation, random), CASES, random, dir,
                        label + m++ + "_" + layout);
            }
        }
    }

    @Test
    void randomAddsAreBitExact() {
        randomModelsAreBitExact(BuiltinOperator.ADD, 101, "add");
    }

    @Test
    void randomMulsAreBitExact() {
        randomModelsAreBitExact(BuiltinOperator.MUL, 102, "mul");
    }

    @Test
    void aFusedTanhIsRejected() {
        TfliteModel model = binary(BuiltinOperator.ADD, Layout.EQUAL, Activation.TANH, new Random(3));
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/add.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/add.tflite: operator #0 ADD: fused activation TANH is not supported");
    }

    @Test
    void shapesThatDoNotBroadcastAreRejected() {
        Random random = new Random(4);
        Quantization q = Quantization.perTensor(0.1f, 0);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, 3, 4}, q),
                constant("other", new int[] {1, 2, 4}, q, random), OperatorHarness.activation("output", new int[] {1, 3, 4}, q));
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.MUL, tensors, new int[] {0, 1}, Activation.NONE,
                new OperatorOptions.Mul());
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/mul.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/mul.tflite: operator #0 MUL: shapes [1, 3, 4] and [1, 2, 4] cannot be broadcast");
    }
}
