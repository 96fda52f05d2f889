package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.convert.LstmInt8Converter;
import io.tinymlaas.convert.LstmInt8ConverterTest;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM int8 (8x8_16) and float32: our C against the TFLite 2.6 interpreter, bit for bit for
 * int8, within the float tolerance for float32.
 */
public class LstmOperatorTest {

    private static final int MODELS = 24;
    private static final int CASES = 20;

    @TempDir
    Path dir;

    @Test
    void randomLstmsAreBitExact() {
        Random random = new Random(2806);
        for (int m = 0; m < MODELS; m++) {
            TfliteModel model = randomLstm(random, random.nextBoolean(), 1 + random.nextInt(3));
            OperatorHarness.assertBitExact(model, CASES, random, dir, "lstm" + m);
        }
    }

    @Test
    void aConvertedLstmClassifierWithItsDenseLayerAndSoftmaxIsBitExact() {
        Random random = new Random(31);
        TfliteModel model = LstmInt8Converter.convert(LstmInt8ConverterTest.randomNetwork(random),
                LstmInt8ConverterTest.randomInputs(100, random), "lstm classifier");
        OperatorHarness.assertBitExact(model, 40, random, dir, "lstm_classifier");
    }

    @Test
    void randomFloatLstmsAreWithinTheFloatToleranceOfTheInterpreter() {
        Random random = new Random(2807);
        for (int m = 0; m < 12; m++) {
            TfliteModel model = randomFloatLstm(random, random.nextBoolean(), 1 + random.nextInt(3), m % 3 == 0 ? 3f : 0f);
            OperatorHarness.assertClose(model, 10, random, dir, "lstm_f32_" + m, 2f);
        }
    }

    /** TFLM's mnist_lstm shape (28 steps of 28 features, 20 cells), float32: it was refused for lacking int8 intermediates. */
    @Test
    void aFloatLstmOfMnistLstmsShapeWithoutIntermediatesRuns() {
        Random random = new Random(28);
        TfliteModel model = floatLstm(random, false, 1, 28, 28, 20, 0f);
        assertThat(model.operators().get(0).intermediates()).isEmpty();
        double worst = OperatorHarness.assertClose(model, 5, random, dir, "mnist_lstm_f32", 1f);
        assertThat(worst).isLessThan(OperatorHarness.FLOAT_TOLERANCE);
    }

    @Test
    void aHybridLstmWithInt8WeightsAndFloatActivationsIsRefusedNamingTheWeights() {
        TfliteModel model = randomFloatLstm(new Random(8), true, 1, 0f);
        int weightsIndex = model.operators().get(0).inputs()[LstmLowering.INPUT_WEIGHTS[0]];
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        Tensor w = tensors.get(weightsIndex);
        tensors.set(weightsIndex, new Tensor(w.name(), TensorType.INT8, w.shape(), Quantization.perTensor(0.01f, 0),
                new byte[(int) w.elementCount()]));
        TfliteModel hybrid = new TfliteModel("hybrid", tensors, model.operators(), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(hybrid, "00", "models/lstm.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/lstm.tflite: operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: input_to_input weights 'input_weights0' "
                        + "is INT8 in a float32 operator; only FLOAT32 is supported here");
    }

    @Test
    void aPeepholeLstmIsRefusedNamingTheInput() {
        TfliteModel model = randomLstm(new Random(5), true, 1);
        Operator op = model.operators().get(0);
        int[] inputs = op.inputs().clone();
        inputs[10] = 2;
        TfliteModel peephole = new TfliteModel("peephole", model.tensors(), List.of(new Operator(op.opcode(), op.name(), inputs,
                op.outputs(), op.fusedActivation(), op.options(), op.intermediates())), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(peephole, "00", "models/lstm.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/lstm.tflite: operator #0 UNIDIRECTIONAL_SEQUENCE_LSTM: peephole weights (input 10) are not "
                        + "supported");
    }

    @Test
    void aVariableTensorIsStateOnlyForTheLstmThatOwnsItOtherOperatorsMayNotReadItUnwritten() {
        Quantization q = Quantization.perTensor(0.5f, 3);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, 2}, q),
                new Tensor("state", TensorType.INT8, new int[] {1, 2}, q, null, true),
                OperatorHarness.activation("output", new int[] {1, 2}, q));
        TfliteModel add = new TfliteModel("add", tensors, List.of(new Operator(BuiltinOperator.ADD, "ADD", new int[] {0, 1},
                new int[] {2}, Activation.NONE, new OperatorOptions.Add())), new int[] {0}, new int[] {2});
        assertThatThrownBy(() -> AotCompiler.compile(add, "00", "models/add.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/add.tflite: operator #0 ADD reads tensor 1 'state', which is not a graph input and no earlier "
                        + "operator writes");
    }

    @Test
    void aCellStateScaleThatIsNotAPowerOfTwoIsRefused() {
        TfliteModel model = randomLstm(new Random(6), true, 1);
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        int cell = model.operators().get(0).inputs()[LstmLowering.CELL_STATE];
        Tensor c = tensors.get(cell);
        tensors.set(cell, new Tensor(c.name(), c.type(), c.shape(), Quantization.perTensor(0.001f, 0), null, true));
        TfliteModel bad = new TfliteModel("bad", tensors, model.operators(), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(bad, "00", "models/lstm.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("cell state scale 0.001 must be a power of two of at most 2^-9");
    }

    /**
     * A random int8 LSTM without peephole, projection or layer norm: input [time][batch][features] (or batch-major),
     * per-tensor symmetric weights, int32 biases at input_scale·weight_scale, int16 cell state at 2^-k.
     */
    static TfliteModel randomLstm(Random random, boolean timeMajor, int batches) {
        int time = 1 + random.nextInt(5);
        int features = 1 + random.nextInt(8);
        int cells = 1 + random.nextInt(8);
        Quantization inputQ = OperatorHarness.randomActivationQuantization(random);
        Quantization stateQ = Quantization.perTensor((float) (0.004 + random.nextDouble() * 0.012), random.nextInt(41) - 20);
        List<Tensor> tensors = new ArrayList<>();
        int[] inputShape = timeMajor ? new int[] {time, batches, features} : new int[] {batches, time, features};
        tensors.add(OperatorHarness.activation("input", inputShape, inputQ));
        int[] inputs = new int[24];
        Arrays.fill(inputs, -1);
        inputs[0] = 0;
        float[] inputWeightScales = new float[4];
        for (int g = 0; g < 4; g++) {
            inputs[LstmLowering.INPUT_WEIGHTS[g]] = tensors.size();
            Tensor w = weights("input_weights" + g, cells, features, random);
            inputWeightScales[g] = w.quantization().scale();
            tensors.add(w);
            inputs[LstmLowering.RECURRENT_WEIGHTS[g]] = tensors.size();
            tensors.add(weights("recurrent_weights" + g, cells, cells, random));
        }
        for (int g = 0; g < 4; g++) {
            inputs[LstmLowering.BIASES[g]] = tensors.size();
            float scale = inputQ.scale() * inputWeightScales[g];
            ByteBuffer data = ByteBuffer.allocate(cells * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < cells; c++) {
                // Up to about ±2 in real terms, the range gates see.
                data.putInt((int) ((random.nextDouble() * 4 - 2) / scale));
            }
            tensors.add(new Tensor("bias" + g, TensorType.INT32, new int[] {cells}, Quantization.perTensor(scale, 0), data.array()));
        }
        inputs[LstmLowering.OUTPUT_STATE] = tensors.size();
        tensors.add(new Tensor("output_state", TensorType.INT8, new int[] {batches, cells}, stateQ, null, true));
        inputs[LstmLowering.CELL_STATE] = tensors.size();
        int cellLog2 = -9 - random.nextInt(7);
        tensors.add(new Tensor("cell_state", TensorType.INT16, new int[] {batches, cells},
                Quantization.perTensor((float) Math.scalb(1.0, cellLog2), 0), null, true));
        int[] intermediates = new int[5];
        for (int g = 0; g < 4; g++) {
            intermediates[g] = tensors.size();
            tensors.add(new Tensor("gate" + g, TensorType.INT16, new int[0], Quantization.perTensor(0x1p-12f, 0), null));
        }
        intermediates[4] = tensors.size();
        // The kernel subtracts the hidden zero point; the matching state zero point is its negation.
        tensors.add(new Tensor("hidden", TensorType.INT8, new int[0], Quantization.perTensor(stateQ.scale(), -stateQ.zeroPoint()),
                null));
        int output = tensors.size();
        int[] outputShape = timeMajor ? new int[] {time, batches, cells} : new int[] {batches, time, cells};
        tensors.add(OperatorHarness.activation("output", outputShape, stateQ));
        float cellClip = random.nextInt(3) == 0 ? (float) (0.5 + random.nextDouble() * 4) : 0f;
        Operator op = new Operator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, "UNIDIRECTIONAL_SEQUENCE_LSTM", inputs,
                new int[] {output}, Activation.TANH, new OperatorOptions.UnidirectionalSequenceLstm(cellClip, 0f, timeMajor),
                intermediates);
        return new TfliteModel("harness", tensors, List.of(op), new int[] {0}, new int[] {output});
    }

    static TfliteModel randomFloatLstm(Random random, boolean timeMajor, int batches, float cellClip) {
        return floatLstm(random, timeMajor, batches, 1 + random.nextInt(5), 1 + random.nextInt(8), 1 + random.nextInt(8), cellClip);
    }

    /** A float32 LSTM as TF Lite's converter writes one: no intermediates, float32 variable states, TANH. */
    public static TfliteModel floatLstm(Random random, boolean timeMajor, int batches, int time, int features, int cells,
                                        float cellClip) {
        List<Tensor> tensors = new ArrayList<>();
        int[] inputShape = timeMajor ? new int[] {time, batches, features} : new int[] {batches, time, features};
        tensors.add(OperatorHarness.floatActivation("input", inputShape));
        int[] inputs = new int[24];
        Arrays.fill(inputs, -1);
        inputs[0] = 0;
        for (int g = 0; g < 4; g++) {
            inputs[LstmLowering.INPUT_WEIGHTS[g]] = tensors.size();
            tensors.add(OperatorHarness.floatConstant("input_weights" + g, new int[] {cells, features}, 0.6f, random));
            inputs[LstmLowering.RECURRENT_WEIGHTS[g]] = tensors.size();
            tensors.add(OperatorHarness.floatConstant("recurrent_weights" + g, new int[] {cells, cells}, 0.6f, random));
            inputs[LstmLowering.BIASES[g]] = tensors.size();
            tensors.add(OperatorHarness.floatConstant("bias" + g, new int[] {cells}, 1f, random));
        }
        inputs[LstmLowering.OUTPUT_STATE] = tensors.size();
        tensors.add(new Tensor("output_state", TensorType.FLOAT32, new int[] {batches, cells}, null, null, true));
        inputs[LstmLowering.CELL_STATE] = tensors.size();
        tensors.add(new Tensor("cell_state", TensorType.FLOAT32, new int[] {batches, cells}, null, null, true));
        int output = tensors.size();
        tensors.add(OperatorHarness.floatActivation("output", timeMajor ? new int[] {time, batches, cells}
                : new int[] {batches, time, cells}));
        Operator op = new Operator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, "UNIDIRECTIONAL_SEQUENCE_LSTM", inputs,
                new int[] {output}, Activation.TANH, new OperatorOptions.UnidirectionalSequenceLstm(cellClip, 0f, timeMajor));
        return new TfliteModel("harness", tensors, List.of(op), new int[] {0}, new int[] {output});
    }

    private static Tensor weights(String name, int rows, int columns, Random random) {
        byte[] data = new byte[rows * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (random.nextInt(255) - 127);
        }
        float scale = (float) (0.002 + random.nextDouble() * 0.03);
        return new Tensor(name, TensorType.INT8, new int[] {rows, columns}, Quantization.perTensor(scale, 0), data);
    }
}
