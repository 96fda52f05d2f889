package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * CONCATENATION int8 along every axis (positive and negative), of the graph input with itself and with constant
 * tensors: our C against the TFLite 2.6 interpreter, bit for bit.
 */
class ConcatenationOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 20;

    @TempDir
    Path dir;

    static TfliteModel concatenation(Random random, int rank, int axisOption, Activation activation) {
        int axis = axisOption < 0 ? axisOption + rank : axisOption;
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + random.nextInt(4);
        }
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = new ArrayList<>(List.of(OperatorHarness.activation("input", shape, q)));
        List<Integer> inputs = new ArrayList<>(List.of(0));
        int total = shape[axis];
        int others = 1 + random.nextInt(3);
        for (int i = 0; i < others; i++) {
            if (random.nextInt(3) == 0) {
                inputs.add(0); // the input again
                total += shape[axis];
            } else {
                int[] constantShape = shape.clone();
                constantShape[axis] = 1 + random.nextInt(3);
                total += constantShape[axis];
                inputs.add(tensors.size());
                tensors.add(AddMulOperatorTest.constant("c" + i, constantShape, q, random));
            }
        }
        java.util.Collections.shuffle(inputs, random);
        int[] outShape = shape.clone();
        outShape[axis] = total;
        tensors.add(OperatorHarness.activation("output", outShape, q));
        return OperatorHarness.singleOperator(BuiltinOperator.CONCATENATION, tensors,
                inputs.stream().mapToInt(Integer::intValue).toArray(), activation, new OperatorOptions.Concatenation(axisOption));
    }

    @Test
    void randomConcatenationsAreBitExact() {
        Random random = new Random(909);
        for (int m = 0; m < MODELS; m++) {
            int rank = 1 + m % 4;
            int axis = random.nextInt(rank);
            int axisOption = random.nextBoolean() ? axis : axis - rank;
            OperatorHarness.assertBitExact(concatenation(random, rank, axisOption, Activation.NONE), CASES, random, dir,
                    "concatenation" + m);
        }
    }

    @Test
    void aFusedActivationIsRejected() {
        TfliteModel model = concatenation(new Random(1), 4, 3, Activation.RELU);
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/concat.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/concat.tflite: operator #0 CONCATENATION: fused activation RELU is not supported");
    }

    @Test
    void anInputQuantizedOtherwiseThanTheOutputIsRejectedAsTheInterpreterRejectsIt() {
        Quantization q = Quantization.perTensor(0.05f, -3);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, 4}, q),
                new Tensor("c", TensorType.INT8, new int[] {1, 4}, q, new byte[] {1, 2, 3, 4}),
                OperatorHarness.activation("output", new int[] {1, 8}, Quantization.perTensor(0.1f, 4)));
        TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.CONCATENATION, tensors, new int[] {0, 1},
                Activation.NONE, new OperatorOptions.Concatenation(1));
        // TF Lite 2.6 does not rescale int8 concatenations and refuses them at prepare time.
        assertThatThrownBy(() -> ReferenceInterpreter.load(TfliteWriter.write(model), "concat.tflite").close())
                .isInstanceOf(TinymlException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/concat.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/concat.tflite: operator #0 CONCATENATION: input and output quantization differ");
    }
}
