package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.LstmInputs;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, int8 with int16 gates and cell state (TF Lite 2.6's "8x8_16" integer LSTM), with
 * its prepare step done here: the effective gate rescales (weight scale · input or output state scale / gate scale,
 * the gate scale fixed at 2^-12 without layer normalization), the hidden rescale 2^-15 / hidden scale · 2^-15 from
 * the fifth intermediate tensor, and the effective biases with the zero points folded in. Inputs follow the
 * schema ({@link LstmInputs}).
 */
final class LstmLowering {

    static final int[] INPUT_WEIGHTS = LstmInputs.inputWeights();
    static final int[] RECURRENT_WEIGHTS = LstmInputs.recurrentWeights();
    static final int[] PEEPHOLE = LstmInputs.peephole();
    static final int[] BIASES = LstmInputs.biases();
    static final int[] PROJECTION = LstmInputs.projection();
    static final int OUTPUT_STATE = LstmInputs.OUTPUT_STATE;
    static final int CELL_STATE = LstmInputs.CELL_STATE;
    static final int[] LAYER_NORM = LstmInputs.layerNorm();

    /** Without layer normalization the interpreter fixes every gate's scale at 2^-12 (Q3.12). */
    private static final float GATE_SCALE = 0x1p-12f;
    private static final String[] GATE_NAMES = {"input", "forget", "cell", "output"};

    private LstmLowering() {
    }

    /** TFLM's integer LSTM (lstm_eval) is arranged differently and is not reproduced: refused in the TFLM profile. */
    static KernelCall lowerTflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        throw new LoweringException(LoweringSupport.where(source, index, op) + " is not TFLM-exact yet (its integer LSTM "
                + "differs from TF Lite 2.6's); compile it with --reference tflite-2.6");
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.UnidirectionalSequenceLstm options = LoweringSupport.options(where, op,
                OperatorOptions.UnidirectionalSequenceLstm.class);
        if (op.inputs().length != LstmInputs.COUNT || op.outputs().length != 1) {
            throw new LoweringException(where + ": expected 24 inputs and one output, found " + op.inputs().length + " and "
                    + op.outputs().length);
        }
        requireAbsent(where, op, PEEPHOLE, "peephole weights");
        requireAbsent(where, op, PROJECTION, "a projection");
        requireAbsent(where, op, LAYER_NORM, "layer normalization");
        if (op.inputs()[INPUT_WEIGHTS[0]] < 0 || op.inputs()[RECURRENT_WEIGHTS[0]] < 0 || op.inputs()[BIASES[0]] < 0) {
            throw new LoweringException(where + ": a coupled input and forget gate (CIFG, no input gate weights) is not "
                    + "supported");
        }
        if (op.fusedActivation() != Activation.TANH) {
            throw new LoweringException(where + ": the cell activation is " + op.fusedActivation()
                    + "; the kernels compute TANH only");
        }
        if (!(options.cellClip() >= 0) || !(options.projClip() >= 0)) {
            throw new LoweringException(where + ": cell_clip " + options.cellClip() + " and proj_clip " + options.projClip()
                    + " must not be negative (0 means no clipping)");
        }
        if (LoweringSupport.isFloat(model, op)) {
            return FloatLstmLowering.lower(model, index, op, arena, where, options);
        }
        if (op.intermediates().length != 5) {
            throw new LoweringException(where + ": an int8 LSTM needs 5 intermediate tensors (the four gates and the hidden "
                    + "state, carrying their quantization), found " + op.intermediates().length);
        }

        Tensor input = LoweringSupport.int8(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.int8(where, "output", model, op.outputs()[0]);
        Tensor outputState = LoweringSupport.int8(where, "output state", model, op.inputs()[OUTPUT_STATE]);
        Tensor cellState = model.tensor(op.inputs()[CELL_STATE]);
        Tensor hidden = model.tensor(op.intermediates()[4]);
        Geometry geometry = Geometry.of(where, model, op, options, input, output, outputState);
        boolean timeMajor = geometry.timeMajor();
        int timeSteps = geometry.timeSteps();
        int batches = geometry.batches();
        int inputDepth = geometry.inputDepth();
        int cells = geometry.cells();
        Tensor[] inputWeights = new Tensor[4];
        Tensor[] recurrentWeights = new Tensor[4];
        Tensor[] biases = new Tensor[4];
        for (int g = 0; g < 4; g++) {
            inputWeights[g] = weights(where, model, op.inputs()[INPUT_WEIGHTS[g]], "input_to_" + GATE_NAMES[g] + " weights",
                    cells, inputDepth);
            recurrentWeights[g] = weights(where, model, op.inputs()[RECURRENT_WEIGHTS[g]],
                    "recurrent_to_" + GATE_NAMES[g] + " weights", cells, cells);
            biases[g] = bias(where, model, op.inputs()[BIASES[g]], GATE_NAMES[g] + " gate bias", cells);
        }
        int cellScaleLog2 = cellScaleLog2(where, cellState, (long) batches * cells);
        if (hidden.quantization() == null) {
            throw new LoweringException(where + ": the hidden-state intermediate '" + hidden.name()
                    + "' has no quantization parameters");
        }
        Quantization outQ = output.quantization();
        Quantization stateQ = outputState.quantization();
        if (outQ.scale() != stateQ.scale() || outQ.zeroPoint() != stateQ.zeroPoint()) {
            throw new LoweringException(where + ": output and output state quantization differ; the interpreter copies the "
                    + "state to the output unchanged");
        }

        float inputScale = input.quantization().scale();
        float stateScale = stateQ.scale();
        String prefix = "op" + index;
        StringBuilder declarations = new StringBuilder();
        String[] inputRescales = new String[4];
        String[] recurrentRescales = new String[4];
        String[] inputBiasNames = new String[4];
        String[] recurrentBiasNames = new String[4];
        List<Integer> constants = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            // Float arithmetic in this order, as the interpreter's prepare step does.
            inputRescales[g] = rescale(QuantizedMultiplier.of(inputWeights[g].quantization().scale() * inputScale / GATE_SCALE));
            recurrentRescales[g] = rescale(QuantizedMultiplier.of(
                    recurrentWeights[g].quantization().scale() * stateScale / GATE_SCALE));
            inputBiasNames[g] = prefix + "_" + GATE_NAMES[g] + "_input_bias";
            recurrentBiasNames[g] = prefix + "_" + GATE_NAMES[g] + "_recurrent_bias";
            declarations.append(LoweringSupport.int32Array(inputBiasNames[g],
                    effectiveBias(where, -input.quantization().zeroPoint(), inputWeights[g], biases[g]),
                    GATE_NAMES[g] + " gate bias + (-input zero point) * row sums of its input weights"));
            declarations.append(LoweringSupport.int32Array(recurrentBiasNames[g],
                    effectiveBias(where, -stateQ.zeroPoint(), recurrentWeights[g], null),
                    "(-output state zero point) * row sums of the " + GATE_NAMES[g] + " gate's recurrent weights"));
            constants.add(op.inputs()[INPUT_WEIGHTS[g]]);
            constants.add(op.inputs()[RECURRENT_WEIGHTS[g]]);
        }
        // 2^-15 / hidden scale · 2^-15: computed in double (std::pow) and stored as float by the interpreter.
        float hiddenScale = (float) (0x1p-15 / (double) hidden.quantization().scale() * 0x1p-15);
        int cellClip = options.cellClip() > 0
                ? (int) Math.min(Math.max(options.cellClip() / (float) Math.scalb(1.0, cellScaleLog2), -32768f), 32767f) : 0;
        String gates = prefix + "_gates";
        declarations.append("static int16_t ").append(gates).append('[').append(4 * cells).append("];\n");
        declarations.append(LoweringSupport.struct("tinyml_lstm_s8_params", prefix + "_params",
                "time_steps", timeSteps, "batches", batches, "input_depth", inputDepth, "cells", cells,
                "time_major", timeMajor ? 1 : 0, "cell_scale_log2", cellScaleLog2, "cell_clip", cellClip,
                "output_state_zero_point", stateQ.zeroPoint(), "hidden_zero_point", hidden.quantization().zeroPoint(),
                "input_rescale", "{" + String.join(", ", inputRescales) + "}",
                "recurrent_rescale", "{" + String.join(", ", recurrentRescales) + "}",
                "hidden_rescale", rescale(QuantizedMultiplier.of(hiddenScale)),
                "input_weights", names(op, INPUT_WEIGHTS), "recurrent_weights", names(op, RECURRENT_WEIGHTS),
                "input_bias", "{" + String.join(", ", inputBiasNames) + "}",
                "recurrent_bias", "{" + String.join(", ", recurrentBiasNames) + "}"));
        String call = "tinyml_unidirectional_sequence_lstm_s8(&" + prefix + "_params, " + arena.pointer(op.inputs()[0]) + ", "
                + arena.pointer(op.inputs()[OUTPUT_STATE]) + ", (int16_t *)" + arena.pointer(op.inputs()[CELL_STATE]) + ", "
                + gates + ", " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/lstm.h", declarations.toString(), call, constants, 8 * cells * Integer.BYTES);
    }

    /** The sequence's layout: its time steps and batches, the input depth and the cells (= output depth). */
    record Geometry(int timeSteps, int batches, int inputDepth, int cells, boolean timeMajor) {

        /** Read from the input, the input_to_cell weights and the options; the output and the output state must fit. */
        static Geometry of(String where, TfliteModel model, Operator op, OperatorOptions.UnidirectionalSequenceLstm options,
                           Tensor input, Tensor output, Tensor outputState) {
            if (input.shape().length != 3) {
                throw new LoweringException(where + ": input '" + input.name() + "' has shape " + Arrays.toString(input.shape())
                        + "; a 3-D sequence is expected");
            }
            boolean timeMajor = options.timeMajor();
            int timeSteps = input.shape()[timeMajor ? 0 : 1];
            int batches = input.shape()[timeMajor ? 1 : 0];
            Tensor cellWeights = model.tensor(op.inputs()[INPUT_WEIGHTS[2]]);
            if (cellWeights.shape().length != 2) {
                throw new LoweringException(where + ": input_to_cell weights '" + cellWeights.name() + "' has shape "
                        + Arrays.toString(cellWeights.shape()) + "; a matrix of cells x input depth is expected");
            }
            int cells = cellWeights.shape()[0];
            LoweringSupport.requireOutputShape(where, output,
                    timeMajor ? new int[] {timeSteps, batches, cells} : new int[] {batches, timeSteps, cells});
            if (outputState.elementCount() != (long) batches * cells || !outputState.variable()) {
                throw new LoweringException(where + ": output state '" + outputState.name() + "' must be a variable tensor of "
                        + batches * cells + " values");
            }
            return new Geometry(timeSteps, batches, input.shape()[2], cells, timeMajor);
        }
    }

    private static void requireAbsent(String where, Operator op, int[] inputs, String what) {
        for (int i : inputs) {
            if (op.inputs()[i] >= 0) {
                throw new LoweringException(where + ": " + what + " (input " + i + ") are not supported");
            }
        }
    }

    private static Tensor weights(String where, TfliteModel model, int index, String role, int rows, int columns) {
        Tensor w = LoweringSupport.int8(where, role, model, index);
        if (!w.constant() || w.shape().length != 2 || (rows >= 0 && w.shape()[0] != rows) || w.shape()[1] != columns) {
            throw new LoweringException(where + ": " + role + " '" + w.name() + "' must be a constant int8 matrix of "
                    + (rows >= 0 ? rows : "cells") + " x " + columns + ", found " + Arrays.toString(w.shape()));
        }
        if (w.quantization().perChannel() || w.quantization().zeroPoint() != 0) {
            throw new LoweringException(where + ": " + role + " '" + w.name() + "' must be quantized per tensor with zero "
                    + "point 0");
        }
        return w;
    }

    private static Tensor bias(String where, TfliteModel model, int index, String role, int cells) {
        Tensor b = model.tensor(index);
        if (b.type() != TensorType.INT32 || !b.constant() || b.elementCount() != cells) {
            throw new LoweringException(where + ": " + role + " '" + b.name() + "' must be a constant int32 vector of "
                    + cells + " values");
        }
        return b;
    }

    /** The cell state: int16, zero point 0, a power-of-two scale of at most 2^-9 (the interpreter's prepare checks). */
    private static int cellScaleLog2(String where, Tensor cell, long elements) {
        Quantization q = cell.quantization();
        if (cell.type() != TensorType.INT16 || !cell.variable() || cell.elementCount() != elements || q == null
                || q.zeroPoint() != 0) {
            throw new LoweringException(where + ": cell state '" + cell.name() + "' must be a variable int16 tensor of "
                    + elements + " values with zero point 0");
        }
        float scale = q.scale();
        int log2 = Math.getExponent(scale);
        if (scale != Math.scalb(1f, log2) || log2 > -9) {
            throw new LoweringException(where + ": cell state scale " + scale + " must be a power of two of at most 2^-9");
        }
        return log2;
    }

    /** bias[r] + zeroPointTerm · Σ_k weights[r][k], computed at compile time as the interpreter does at prepare time. */
    static int[] effectiveBias(String where, int zeroPointTerm, Tensor weights, Tensor bias) {
        int rows = weights.shape()[0];
        int columns = weights.shape()[1];
        byte[] w = weights.data();
        ByteBuffer b = bias == null ? null : ByteBuffer.wrap(bias.data()).order(ByteOrder.LITTLE_ENDIAN);
        int[] result = new int[rows];
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int k = 0; k < columns; k++) {
                sum += w[r * columns + k];
            }
            long value = (b == null ? 0L : b.getInt(r * 4)) + zeroPointTerm * sum;
            // The kernel then adds up to `columns` products of 128·128; keep that inside int32.
            if (Math.abs(value) > Integer.MAX_VALUE - (long) columns * 128 * 128) {
                throw new LoweringException(where + ": effective bias " + value + " of row " + r + " of '" + weights.name()
                        + "' could overflow the int32 accumulator");
            }
            result[r] = (int) value;
        }
        return result;
    }

    private static String rescale(QuantizedMultiplier m) {
        return "{" + m.multiplier() + ", " + m.shift() + "}";
    }

    private static String names(Operator op, int[] inputs) {
        List<String> names = new ArrayList<>();
        for (int i : inputs) {
            names.add(CArena.constantName(op.inputs()[i]));
        }
        return "{" + String.join(", ", names) + "}";
    }
}
