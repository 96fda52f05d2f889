package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM in float32: every operand float32, the weights and biases constant arrays, the two
 * states variable tensors in the arena. {@link LstmLowering} has already refused what neither kernel computes
 * (peephole, projection, layer normalization, CIFG, a cell activation other than TANH).
 */
final class FloatLstmLowering {

    private static final String[] GATE_NAMES = {"input", "forget", "cell", "output"};

    private FloatLstmLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, CArena arena, String where,
                            OperatorOptions.UnidirectionalSequenceLstm options) {
        Tensor input = LoweringSupport.float32(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.float32(where, "output", model, op.outputs()[0]);
        Tensor outputState = LoweringSupport.float32(where, "output state", model, op.inputs()[LstmLowering.OUTPUT_STATE]);
        Tensor cellState = LoweringSupport.float32(where, "cell state", model, op.inputs()[LstmLowering.CELL_STATE]);
        LstmLowering.Geometry geometry = LstmLowering.Geometry.of(where, model, op, options, input, output, outputState);
        int cells = geometry.cells();
        if (cellState.elementCount() != (long) geometry.batches() * cells || !cellState.variable()) {
            throw new LoweringException(where + ": cell state '" + cellState.name() + "' must be a variable tensor of "
                    + geometry.batches() * cells + " values");
        }
        List<Integer> constants = new ArrayList<>();
        String[] inputWeights = new String[4];
        String[] recurrentWeights = new String[4];
        String[] biases = new String[4];
        for (int g = 0; g < 4; g++) {
            inputWeights[g] = matrix(where, model, op.inputs()[LstmLowering.INPUT_WEIGHTS[g]],
                    "input_to_" + GATE_NAMES[g] + " weights", cells, geometry.inputDepth(), constants);
            recurrentWeights[g] = matrix(where, model, op.inputs()[LstmLowering.RECURRENT_WEIGHTS[g]],
                    "recurrent_to_" + GATE_NAMES[g] + " weights", cells, cells, constants);
            int bias = op.inputs()[LstmLowering.BIASES[g]];
            biases[g] = LoweringSupport.floatConstant(where, GATE_NAMES[g] + " gate bias", model, bias, constants);
            if (model.tensor(bias).elementCount() != cells) {
                throw new LoweringException(where + ": " + GATE_NAMES[g] + " gate bias '" + model.tensor(bias).name()
                        + "' has " + model.tensor(bias).elementCount() + " values, not " + cells);
            }
        }
        String prefix = "op" + index;
        String gates = prefix + "_gates";
        String declarations = "static float " + gates + "[" + 4 * cells + "];\n"
                + LoweringSupport.struct("tinyml_lstm_f32_params", prefix + "_params",
                "time_steps", geometry.timeSteps(), "batches", geometry.batches(), "input_depth", geometry.inputDepth(),
                "cells", cells, "time_major", geometry.timeMajor() ? 1 : 0,
                "cell_clip", LoweringSupport.floatLiteral(options.cellClip()),
                "input_weights", list(inputWeights), "recurrent_weights", list(recurrentWeights), "bias", list(biases));
        String call = "tinyml_unidirectional_sequence_lstm_f32(&" + prefix + "_params, " + arena.floatPointer(op.inputs()[0])
                + ", " + arena.floatPointer(op.inputs()[LstmLowering.OUTPUT_STATE]) + ", "
                + arena.floatPointer(op.inputs()[LstmLowering.CELL_STATE]) + ", " + gates + ", "
                + arena.floatPointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/lstm.h", declarations, call, constants);
    }

    private static String matrix(String where, TfliteModel model, int index, String role, int rows, int columns,
                                 List<Integer> constants) {
        String name = LoweringSupport.floatConstant(where, role, model, index, constants);
        int[] shape = model.tensor(index).shape();
        if (!Arrays.equals(shape, new int[] {rows, columns})) {
            throw new LoweringException(where + ": " + role + " '" + model.tensor(index).name() + "' has shape "
                    + Arrays.toString(shape) + "; " + rows + " x " + columns + " is expected");
        }
        return name;
    }

    private static String list(String[] names) {
        return "{" + String.join(", ", names) + "}";
    }
}
