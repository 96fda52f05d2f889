package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Models with several inputs and outputs (TFLM's simple_add_model has two inputs): every inference's input is the
 * input tensors' bytes one after the other in the model's order, its output the output tensors' likewise, on both
 * sides; our C against the TFLite 2.6 interpreter, bit for bit.
 */
class MultiInputOutputTest {

    private static final int CASES = 30;

    @TempDir
    Path dir;

    /** a and b of one shape; outputs ADD(a, b) and MUL(a, b). */
    static TfliteModel addAndMul(Random random) {
        int[] shape = {1, 2, 2, 3};
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("a", shape, OperatorHarness.randomActivationQuantization(random)),
                OperatorHarness.activation("b", shape, OperatorHarness.randomActivationQuantization(random)),
                OperatorHarness.activation("sum", shape, OperatorHarness.randomActivationQuantization(random)),
                OperatorHarness.activation("product", shape, OperatorHarness.randomActivationQuantization(random)));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.ADD, "ADD", new int[] {0, 1}, new int[] {2}, Activation.NONE, new OperatorOptions.Add()),
                new Operator(BuiltinOperator.MUL, "MUL", new int[] {0, 1}, new int[] {3}, Activation.RELU, new OperatorOptions.Mul()));
        return new TfliteModel("add and mul", tensors, ops, new int[] {0, 1}, new int[] {2, 3});
    }

    @Test
    void twoInputsAndTwoOutputsAreBitIdenticalToTheInterpreter() {
        Random random = new Random(16);
        for (int m = 0; m < 4; m++) {
            OperatorHarness.assertBitExact(addAndMul(random), CASES, random, dir, "add_and_mul" + m);
        }
    }

    /**
     * Inputs of 3 and 5 bytes, listed in the other order than the operators read them, and outputs of 8 and 3 bytes:
     * no tensor starts on a word boundary of the input or output buffer.
     */
    @Test
    void inputsAndOutputsOfOddSizesInAnyOrderAreBitIdenticalToTheInterpreter() {
        Random random = new Random(17);
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        List<Tensor> tensors = List.of(
                OperatorHarness.activation("b", new int[] {1, 5}, q),
                OperatorHarness.activation("a", new int[] {1, 3}, q),
                OperatorHarness.activation("a and b", new int[] {1, 8}, q),
                OperatorHarness.activation("a + a", new int[] {1, 3}, OperatorHarness.randomActivationQuantization(random)));
        List<Operator> ops = List.of(
                new Operator(BuiltinOperator.CONCATENATION, "CONCATENATION", new int[] {1, 0}, new int[] {2}, Activation.NONE,
                        new OperatorOptions.Concatenation(1)),
                new Operator(BuiltinOperator.ADD, "ADD", new int[] {1, 1}, new int[] {3}, Activation.NONE, new OperatorOptions.Add()));
        TfliteModel model = new TfliteModel("odd sizes", tensors, ops, new int[] {1, 0}, new int[] {3, 2});
        assertThat(OperatorHarness.assertBitExact(model, CASES, random, dir, "odd_sizes")).isEqualTo(CASES);
    }

    @Test
    void theHeaderSaysWhereEachInputAndOutputLies() {
        CompiledModel compiled = AotCompiler.compile(addAndMul(new Random(3)), "00", "models/add_and_mul.tflite");
        assertThat(compiled.inputBytes()).isEqualTo(24);
        assertThat(compiled.outputBytes()).isEqualTo(24);
        assertThat(compiled.header()).contains("#define TINYML_MODEL_INPUT_BYTES 24\n", "#define TINYML_MODEL_INPUT_COUNT 2\n",
                "#define TINYML_MODEL_INPUT_1_OFFSET 12\n", "#define TINYML_MODEL_INPUT_1_BYTES 12\n",
                "#define TINYML_MODEL_OUTPUT_COUNT 2\n", "#define TINYML_MODEL_OUTPUT_1_OFFSET 12\n");
    }

    /**
     * Inputs of whole words lie in the input buffer themselves (no copy, no second arena region); the outputs, one after
     * the other, are copied after the last operator.
     */
    @Test
    void inputsOfWholeWordsAreTheInputBufferItselfAndOnlyTheOutputsAreCopied() {
        CompiledModel compiled = AotCompiler.compile(addAndMul(new Random(5)), "00", "models/add_and_mul.tflite");
        String invoke = compiled.source().substring(compiled.source().indexOf("void tinyml_model_invoke(void)"));
        assertThat(invoke.split("tinyml_reshape\\(", -1)).hasSize(3);
        assertThat(invoke.indexOf("tinyml_add_s8")).isLessThan(invoke.indexOf("tinyml_reshape("));
        assertThat(compiled.source()).contains("int8_t *tinyml_model_input(void) { return (tinyml_arena + "
                + compiled.plan().offsetOf(0) + "); }");
        assertThat(compiled.plan().offsetOf(1)).isEqualTo(compiled.plan().offsetOf(0) + 12);
    }

    /** The copies a model with several inputs needs cost a model with one input nothing: its host writes the tensor itself. */
    @Test
    void aModelWithOneInputAndOneOutputHasNoCopiesAndNoCountMacros() {
        Random random = new Random(4);
        CompiledModel compiled = AotCompiler.compile(AddMulOperatorTest.binary(BuiltinOperator.ADD, AddMulOperatorTest.Layout.EQUAL,
                Activation.NONE, random), "00", "models/add.tflite");
        assertThat(compiled.source()).doesNotContain("tinyml_reshape");
        assertThat(compiled.header()).doesNotContain("_COUNT", "_OFFSET");
    }
}
