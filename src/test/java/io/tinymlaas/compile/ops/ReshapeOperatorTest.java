package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** RESHAPE: our C against the TFLite 2.6 interpreter, bit for bit, alone and between two operators. */
class ReshapeOperatorTest {

    private static final int CASES = 20;

    @TempDir
    Path dir;

    @Test
    void reshapeWithNewShapeOptionIsBitExact() {
        Random random = new Random(11);
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("input", new int[] {1, 3, 4, 5}, q),
                OperatorHarness.activation("output", new int[] {1, 60}, q));
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.RESHAPE, tensors, new int[] {0}, Activation.NONE,
                new OperatorOptions.Reshape(new int[] {1, 60}));
        OperatorHarness.assertBitExact(model, CASES, random, dir, "reshape_options");
    }

    @Test
    void reshapeWithAConstantShapeTensorIsBitExact() {
        Random random = new Random(12);
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        byte[] shape = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putInt(-1).putInt(6).array();
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("input", new int[] {2, 2, 3, 2}, q),
                new Tensor("shape", TensorType.INT32, new int[] {3}, null, shape),
                OperatorHarness.activation("output", new int[] {2, 2, 6}, q));
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.RESHAPE, tensors, new int[] {0, 1}, Activation.NONE,
                OperatorOptions.NONE);
        OperatorHarness.assertBitExact(model, CASES, random, dir, "reshape_tensor");
    }

    @Test
    void reshapeBetweenTwoOperatorsKeepsTheArenaConsistent() {
        // max pool → reshape → max pool: the reshape's input dies where its output is born, so the planner may
        // place them anywhere relative to each other; the copy must still be right.
        Random random = new Random(13);
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("input", new int[] {1, 4, 4, 3}, q),
                OperatorHarness.activation("pooled", new int[] {1, 2, 2, 3}, q),
                OperatorHarness.activation("flat", new int[] {1, 1, 4, 3}, q),
                OperatorHarness.activation("output", new int[] {1, 1, 2, 3}, q));
        OperatorOptions pool = new OperatorOptions.Pool2D(OperatorOptions.Padding.VALID, 2, 2, 2, 2);
        OperatorOptions pool2 = new OperatorOptions.Pool2D(OperatorOptions.Padding.VALID, 2, 1, 2, 1);
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.MAX_POOL_2D, "MAX_POOL_2D", new int[] {0}, new int[] {1}, Activation.NONE, pool),
                new Operator(BuiltinOperator.RESHAPE, "RESHAPE", new int[] {1}, new int[] {2}, Activation.NONE,
                        new OperatorOptions.Reshape(new int[] {1, 1, 4, 3})),
                new Operator(BuiltinOperator.AVERAGE_POOL_2D, "AVERAGE_POOL_2D", new int[] {2}, new int[] {3}, Activation.NONE, pool2));
        TfliteModel model = new TfliteModel("chain", tensors, ops, new int[] {0}, new int[] {3});
        assertThat(OperatorHarness.assertBitExact(model, CASES, random, dir, "reshape_chain")).isEqualTo(CASES);
    }
}
