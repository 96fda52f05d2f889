package io.tinymlaas.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.tflite.OperatorOptions.Padding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class OperatorOptionsRoundTripTest {

    private static Operator roundTrip(Operator op) {
        Quantization q = Quantization.perTensor(0.5f, 3);
        List<Tensor> tensors = List.of(
                new Tensor("in", TensorType.INT8, new int[] {1, 4, 4, 2}, q, null),
                new Tensor("out", TensorType.INT8, new int[] {1, 4, 4, 2}, q, null));
        TfliteModel model = new TfliteModel("options", tensors, List.of(op), new int[] {0}, new int[] {1});
        TfliteModel read = TfliteReader.read(TfliteWriter.write(model), "options.tflite");
        assertThat(read.operators()).hasSize(1);
        Operator back = read.operators().get(0);
        assertThat(back.opcode()).isEqualTo(op.opcode());
        assertThat(back.name()).isEqualTo(op.name());
        assertThat(back.fusedActivation()).isEqualTo(op.fusedActivation());
        return back;
    }

    /** Writes and rereads one operator with these options and checks they come back equal. */
    private static void assertOptionsSurvive(int opcode, Activation activation, OperatorOptions options) {
        assertThat(roundTrip(op(opcode, activation, options)).options()).isEqualTo(options);
    }

    private static Operator op(int opcode, Activation activation, OperatorOptions options) {
        return new Operator(opcode, BuiltinOperator.name(opcode), new int[] {0}, new int[] {1}, activation, options);
    }

    @Test
    void conv2dKeepsPaddingStridesDilationAndActivation() {
        OperatorOptions options = new OperatorOptions.Conv2D(Padding.SAME, 2, 3, 1, 2);
        assertOptionsSurvive(BuiltinOperator.CONV_2D, Activation.RELU6, options);
        OperatorOptions valid = new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1);
        assertOptionsSurvive(BuiltinOperator.CONV_2D, Activation.RELU, valid);
    }

    @Test
    void depthwiseConv2dKeepsItsDepthMultiplier() {
        OperatorOptions options = new OperatorOptions.DepthwiseConv2D(Padding.VALID, 1, 2, 3, 1, 1);
        assertOptionsSurvive(BuiltinOperator.DEPTHWISE_CONV_2D, Activation.NONE, options);
    }

    @Test
    void poolsKeepTheirFilterSize() {
        OperatorOptions average = new OperatorOptions.Pool2D(Padding.SAME, 2, 1, 3, 2);
        assertOptionsSurvive(BuiltinOperator.AVERAGE_POOL_2D, Activation.RELU, average);
        OperatorOptions max = new OperatorOptions.Pool2D(Padding.VALID, 1, 2, 2, 4);
        assertOptionsSurvive(BuiltinOperator.MAX_POOL_2D, Activation.RELU_N1_TO_1, max);
    }

    @Test
    void reshapeKeepsItsNewShape() {
        OperatorOptions options = new OperatorOptions.Reshape(new int[] {1, -1, 8});
        Operator back = roundTrip(op(BuiltinOperator.RESHAPE, Activation.NONE, options));
        assertThat(back.options()).isEqualTo(options);
        assertThat(((OperatorOptions.Reshape) back.options()).newShape()).containsExactly(1, -1, 8);
    }

    @Test
    void softmaxKeepsItsBeta() {
        OperatorOptions options = new OperatorOptions.Softmax(0.75f);
        assertOptionsSurvive(BuiltinOperator.SOFTMAX, Activation.NONE, options);
    }

    @Test
    void addAndMulKeepTheirFusedActivation() {
        OperatorOptions add = new OperatorOptions.Add();
        assertOptionsSurvive(BuiltinOperator.ADD, Activation.RELU6, add);
        assertOptionsSurvive(BuiltinOperator.ADD, Activation.NONE, add);
        OperatorOptions mul = new OperatorOptions.Mul();
        assertOptionsSurvive(BuiltinOperator.MUL, Activation.RELU, mul);
    }

    @Test
    void concatenationKeepsItsAxisAndActivation() {
        OperatorOptions options = new OperatorOptions.Concatenation(-1);
        assertOptionsSurvive(BuiltinOperator.CONCATENATION, Activation.NONE, options);
        OperatorOptions axis2 = new OperatorOptions.Concatenation(2);
        assertOptionsSurvive(BuiltinOperator.CONCATENATION, Activation.RELU, axis2);
    }

    @Test
    void reducerKeepsKeepDims() {
        OperatorOptions keep = new OperatorOptions.Reducer(true);
        assertOptionsSurvive(BuiltinOperator.MEAN, Activation.NONE, keep);
        OperatorOptions drop = new OperatorOptions.Reducer(false);
        assertOptionsSurvive(BuiltinOperator.MEAN, Activation.NONE, drop);
    }

    @Test
    void padReadsBackAsPad() {
        OperatorOptions options = new OperatorOptions.Pad();
        assertOptionsSurvive(BuiltinOperator.PAD, Activation.NONE, options);
    }

    @Test
    void operatorsWithoutOptionsReadBackWithNone() {
        Operator plain = new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {0}, new int[] {1},
                Activation.RELU);
        assertThat(plain.options()).isSameAs(OperatorOptions.NONE);
        assertThat(roundTrip(op(BuiltinOperator.LOGISTIC, Activation.NONE, OperatorOptions.NONE)).options())
                .isEqualTo(OperatorOptions.NONE);
    }

    @Test
    void lstmKeepsClipsTimeMajorTanhAndItsIntermediates() {
        OperatorOptions options = new OperatorOptions.UnidirectionalSequenceLstm(3.5f, 0f, true);
        Operator op = new Operator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, "UNIDIRECTIONAL_SEQUENCE_LSTM", new int[] {0},
                new int[] {1}, Activation.TANH, options, new int[] {1, 0});
        Operator back = roundTrip(op);
        assertThat(back.options()).isEqualTo(options);
        assertThat(back.intermediates()).containsExactly(1, 0);
    }

    @Test
    void variableTensorsStayVariable() {
        Quantization q = Quantization.perTensor(0x1p-11f, 0);
        List<Tensor> tensors = List.of(
                new Tensor("in", TensorType.INT8, new int[] {1, 2}, Quantization.perTensor(0.5f, 3), null),
                new Tensor("cell_state", TensorType.INT16, new int[] {1, 2}, q, null, true),
                new Tensor("out", TensorType.INT8, new int[] {1, 2}, Quantization.perTensor(0.5f, 3), null));
        Operator add = new Operator(BuiltinOperator.ADD, "ADD", new int[] {0, 1}, new int[] {2}, Activation.NONE,
                new OperatorOptions.Add());
        TfliteModel read = TfliteReader.read(TfliteWriter.write(new TfliteModel("variables", tensors, List.of(add),
                new int[] {0}, new int[] {2})), "variables.tflite");
        assertThat(read.tensors()).extracting(Tensor::variable).containsExactly(false, true, false);
        assertThat(read.operators().get(0).intermediates()).isEmpty();
    }
}
