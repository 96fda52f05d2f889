package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

class AotCompilerTest {

    @Test
    void generatedCHasConstWeightsAStaticArenaAndOneCallPerOperator() {
        CompiledModel compiled = AotCompiler.compile(SampleModels.tinyDense(), "ab".repeat(32), "sample.tflite");
        assertThat(compiled.source())
                .contains("static const int8_t tensor1[3]")
                .contains("static const int32_t op0_bias[3]")
                .contains("static int8_t tinyml_arena[" + compiled.plan().arenaBytes() + "]")
                .doesNotContain("malloc");
        assertThat(compiled.source().split("tinyml_fully_connected_s8\\(&", -1)).hasSize(3);
        assertThat(compiled.header()).contains("#define TINYML_MODEL_HASH \"" + "ab".repeat(32) + "\"")
                .contains("#define TINYML_MODEL_INPUT_BYTES 1").contains("#define TINYML_MODEL_OUTPUT_BYTES 1");
        // Both int8 weight tensors, and the folded int32 biases that replace the model's (3 + 1 values).
        assertThat(compiled.constantBytes()).isEqualTo(3 + 3 + (3 + 1) * 4);
    }

    @Test
    void theInputZeroPointIsFoldedIntoTheBiasSoTheKernelComputesAPureDotProduct() {
        TfliteModel model = SampleModels.tinyDense();
        String source = AotCompiler.compile(model, "00", "sample.tflite").source();
        for (int index = 0; index < model.operators().size(); index++) {
            Operator op = model.operators().get(index);
            Tensor input = model.tensor(op.inputs()[0]);
            Tensor weights = model.tensor(op.inputs()[1]);
            Tensor bias = model.tensor(op.inputs()[2]);
            int outputs = weights.shape()[0];
            int depth = weights.shape()[1];
            int inputOffset = -input.quantization().zeroPoint();
            assertThat(inputOffset).isNotZero();
            ByteBuffer biasData = ByteBuffer.wrap(bias.data()).order(ByteOrder.LITTLE_ENDIAN);
            List<String> expected = new ArrayList<>();
            for (int o = 0; o < outputs; o++) {
                long sum = 0;
                for (int i = 0; i < depth; i++) {
                    sum += weights.data()[o * depth + i];
                }
                expected.add(Long.toString(biasData.getInt(o * 4) + inputOffset * sum));
            }
            assertThat(source)
                    .contains("static const int32_t op" + index + "_bias[" + outputs + "] __attribute__((aligned(4))) = {\n    "
                            + String.join(", ", expected) + ",\n};")
                    .contains("tinyml_fully_connected_s8(&op" + index + "_params, " + "(tinyml_arena + ")
                    .contains("tensor" + op.inputs()[1] + ", op" + index + "_bias, (tinyml_arena + ");
            String params = source.substring(source.indexOf("op" + index + "_params = {"));
            assertThat(params.substring(0, params.indexOf("};"))).contains(".input_offset = 0,");
        }
        assertThat(source).doesNotContain("tensor" + model.operators().get(0).inputs()[2] + "[");
    }

    @Test
    void fullyConnectedWithTheFoldedBiasIsBitExactWithTheInterpreter(@TempDir Path dir) {
        Random random = new Random(20261125);
        for (int m = 0; m < 8; m++) {
            int batches = 1 + random.nextInt(3);
            int depth = 1 + random.nextInt(40);
            int outputs = 1 + random.nextInt(20);
            Quantization in = OperatorHarness.randomActivationQuantization(random);
            Quantization weightsQ = Quantization.perTensor((float) (0.002 + random.nextDouble() * 0.048), 0);
            byte[] w = new byte[outputs * depth];
            for (int i = 0; i < w.length; i++) {
                w[i] = (byte) (random.nextInt(255) - 127);
            }
            Tensor weights = new Tensor("weights", TensorType.INT8, new int[] {outputs, depth}, weightsQ, w);
            ByteBuffer b = ByteBuffer.allocate(outputs * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int o = 0; o < outputs; o++) {
                b.putInt(random.nextInt(6001) - 3000);
            }
            Tensor bias = new Tensor("bias", TensorType.INT32, new int[] {outputs},
                    Quantization.perTensor(in.scale() * weightsQ.scale(), 0), b.array());
            Quantization out = OperatorHarness.randomActivationQuantization(random);
            List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {batches, depth}, in), weights, bias,
                    OperatorHarness.activation("output", new int[] {batches, outputs}, out));
            TfliteModel model = OperatorHarness.singleOperator(BuiltinOperator.FULLY_CONNECTED, tensors, new int[] {0, 1, 2},
                    OperatorHarness.randomActivation(random), OperatorOptions.NONE);
            assertThat(AotCompiler.compile(model, "00", "fc.tflite").source()).contains(".input_offset = 0,");
            OperatorHarness.assertBitExact(model, 40, random, dir, "fc" + m);
        }
    }

    @Test
    void withInputZeroPointZeroTheModelsBiasIsPassedUnchanged() {
        TfliteModel model = SampleModels.tinyDense();
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        int in = model.inputs()[0];
        Tensor input = tensors.get(in);
        tensors.set(in, new Tensor(input.name(), input.type(), input.shape(),
                Quantization.perTensor(input.quantization().scale(), 0), input.data()));
        TfliteModel zeroPoint0 = new TfliteModel(model.description(), tensors, model.operators(), model.inputs(), model.outputs());
        String source = AotCompiler.compile(zeroPoint0, "00", "sample.tflite").source();
        int biasTensor = model.operators().get(0).inputs()[2];
        assertThat(source).contains("static const int32_t tensor" + biasTensor + "[3]")
                .contains(", tensor" + biasTensor + ", (tinyml_arena + ")
                .doesNotContain("op0_bias")
                .contains(".input_offset = 0,");
    }

    @Test
    void reluIsFusedAsAClampAtTheOutputZeroPoint() {
        TfliteModel model = SampleModels.tinyDense();
        CompiledModel compiled = AotCompiler.compile(model, "00", "sample.tflite");
        int zeroPoint = model.tensor(model.operators().get(0).outputs()[0]).quantization().zeroPoint();
        assertThat(compiled.source()).contains(".activation_min = " + zeroPoint + ",");
    }

    @Test
    void anUnsupportedOperatorStopsCompilationNamingOperatorAndFile() {
        TfliteModel model = SampleModels.tinyDense();
        List<Operator> operators = new ArrayList<>(model.operators());
        Operator first = operators.get(0);
        operators.set(0, new Operator(BuiltinOperator.LSTM, "LSTM", first.inputs(), first.outputs(), Activation.NONE));
        TfliteModel withLstm = new TfliteModel(model.description(), model.tensors(), operators, model.inputs(), model.outputs());
        assertThat(AotCompiler.supportedOperators().split(", ")).contains("FULLY_CONNECTED").doesNotContain("LSTM");
        assertThatThrownBy(() -> AotCompiler.compile(withLstm, "00", "models/vision.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/vision.tflite: operator #0 LSTM is not supported by the compiler (supported: "
                        + AotCompiler.supportedOperators() + ")");
    }
}
