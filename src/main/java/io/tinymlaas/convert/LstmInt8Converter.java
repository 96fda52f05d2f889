package io.tinymlaas.convert;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.LstmNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Full-integer conversion of an {@link LstmNetwork} to TF Lite's int8 LSTM ("8x8_16"), calibrated on representative
 * inputs:
 * <ul>
 * <li>input int8 asymmetric, time-major [steps, 1, features];</li>
 * <li>the eight gate matrices int8 symmetric per tensor, the gate biases int32 at input_scale × weight_scale;</li>
 * <li>the hidden state (output state, LSTM output and the fifth intermediate) int8 symmetric over the largest |h| seen;</li>
 * <li>the cell state int16 with the smallest power-of-two scale (at most 2^-9) that holds the largest |c| seen;</li>
 * <li>the four gate intermediates int16 at 2^-12 (Q3.12), which the interpreter assumes without layer norm;</li>
 * <li>FULLY_CONNECTED over all steps' hidden states, then SOFTMAX with scale 1/256 and zero point −128.</li>
 * </ul>
 * Graph: input → UNIDIRECTIONAL_SEQUENCE_LSTM (TANH) → FULLY_CONNECTED → SOFTMAX.
 */
public final class LstmInt8Converter {

    static final float GATE_SCALE = 0x1p-12f;
    static final int LARGEST_CELL_SCALE_LOG2 = -9;
    /** Calibration runs the float network step by step in Java; this many samples pin the ranges down well enough. */
    static final int CALIBRATION_SAMPLES = 1000;

    private LstmInt8Converter() {
    }

    /** Observed ranges: the input, the largest |h| and |c| over every step, the logits. */
    record Ranges(ValueRange input, double maxAbsHidden, double maxAbsCell, ValueRange logits) {
    }

    public static TfliteModel convert(LstmNetwork network, float[][] representativeInputs, String description) {
        if (representativeInputs.length == 0) {
            throw new TinymlException("quantization needs a representative data set; it is empty");
        }
        Ranges ranges = calibrate(network, representativeInputs);
        int steps = network.timeSteps();
        int cells = network.cells();
        List<Tensor> tensors = new ArrayList<>();
        Quantization inputQ = ranges.input().asymmetricInt8();
        tensors.add(new Tensor("input", TensorType.INT8, new int[] {steps, 1, network.features()}, inputQ, null));
        int[] inputs = new int[24];
        Arrays.fill(inputs, -1);
        inputs[0] = 0;
        String[] gateNames = {"input", "forget", "cell", "output"};
        for (int g = 0; g < LstmNetwork.GATES; g++) {
            inputs[1 + g] = add(tensors, weights("lstm/input_to_" + gateNames[g] + "_weights", network.inputWeights()[g]));
            inputs[5 + g] = add(tensors, weights("lstm/recurrent_to_" + gateNames[g] + "_weights", network.recurrentWeights()[g]));
            float biasScale = inputQ.scale() * tensors.get(inputs[1 + g]).quantization().scale();
            inputs[12 + g] = add(tensors, new Tensor("lstm/" + gateNames[g] + "_gate_bias", TensorType.INT32, new int[] {cells},
                    Quantization.perTensor(biasScale, 0),
                    Int8Weights.quantizeBias(network.biases()[g], Int8Weights.fill(cells, biasScale))));
        }
        Quantization hiddenQ = Quantization.perTensor((float) (Math.max(ranges.maxAbsHidden(), 1e-6) / 127.0), 0);
        inputs[18] = add(tensors, new Tensor("lstm/output_state", TensorType.INT8, new int[] {1, cells}, hiddenQ, null, true));
        inputs[19] = add(tensors, new Tensor("lstm/cell_state", TensorType.INT16, new int[] {1, cells},
                Quantization.perTensor(Math.scalb(1f, cellScaleLog2(ranges.maxAbsCell())), 0), null, true));
        int[] intermediates = new int[5];
        for (int g = 0; g < LstmNetwork.GATES; g++) {
            intermediates[g] = add(tensors, new Tensor("lstm/" + gateNames[g] + "_gate", TensorType.INT16, new int[0],
                    Quantization.perTensor(GATE_SCALE, 0), null));
        }
        // The kernel writes o·tanh(c) with this scale, minus this zero point, straight into the output state.
        intermediates[4] = add(tensors, new Tensor("lstm/hidden", TensorType.INT8, new int[0], hiddenQ, null));
        int sequence = add(tensors, new Tensor("lstm/output", TensorType.INT8, new int[] {steps, 1, cells}, hiddenQ, null));
        List<Operator> operators = new ArrayList<>();
        operators.add(new Operator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, "UNIDIRECTIONAL_SEQUENCE_LSTM", inputs,
                new int[] {sequence}, Activation.TANH, new OperatorOptions.UnidirectionalSequenceLstm(0f, 0f, true), intermediates));

        DenseLayer dense = network.dense();
        Quantization denseQ = Int8Weights.symmetricPerTensor(dense.weights());
        float denseBiasScale = hiddenQ.scale() * denseQ.scale();
        int denseWeights = add(tensors, new Tensor("dense/weights", TensorType.INT8, new int[] {dense.outputs(), dense.inputs()},
                denseQ, Int8Weights.quantizeMatrix(dense.weights(), denseQ.scale())));
        int denseBias = add(tensors, new Tensor("dense/bias", TensorType.INT32, new int[] {dense.outputs()},
                Quantization.perTensor(denseBiasScale, 0),
                Int8Weights.quantizeBias(dense.bias(), Int8Weights.fill(dense.outputs(), denseBiasScale))));
        int logits = add(tensors, new Tensor("dense/output", TensorType.INT8, new int[] {1, dense.outputs()},
                ranges.logits().asymmetricInt8(), null));
        operators.add(new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {sequence, denseWeights, denseBias},
                new int[] {logits}, Activation.NONE));
        int probabilities = add(tensors, new Tensor("output", TensorType.INT8, new int[] {1, dense.outputs()},
                Quantization.perTensor(CnnInt8Converter.SOFTMAX_SCALE, CnnInt8Converter.SOFTMAX_ZERO_POINT), null));
        operators.add(new Operator(BuiltinOperator.SOFTMAX, "SOFTMAX", new int[] {logits}, new int[] {probabilities},
                Activation.NONE, new OperatorOptions.Softmax(1f)));
        return new TfliteModel(description, List.copyOf(tensors), List.copyOf(operators), new int[] {0}, new int[] {probabilities});
    }

    /** Ranges over the first {@link #CALIBRATION_SAMPLES} inputs (the training split comes shuffled). */
    static Ranges calibrate(LstmNetwork network, float[][] inputs) {
        inputs = Arrays.copyOf(inputs, Math.min(inputs.length, CALIBRATION_SAMPLES));
        ValueRange input = ValueRange.empty();
        ValueRange hidden = ValueRange.empty();
        ValueRange cell = ValueRange.empty();
        ValueRange logits = ValueRange.empty();
        for (float[] sample : inputs) {
            LstmNetwork.Activations a = network.forward(sample);
            input = Int8Weights.include(input, sample);
            for (int t = 0; t < a.hidden().size(); t++) {
                hidden = Int8Weights.include(hidden, a.hidden().get(t));
                cell = Int8Weights.include(cell, a.cells().get(t));
            }
            logits = Int8Weights.include(logits, a.logits());
        }
        return new Ranges(input, Math.max(-hidden.min(), hidden.max()), Math.max(-cell.min(), cell.max()), logits);
    }

    /**
     * The exponent k of the cell state's scale 2^k: the smallest that represents the largest |c| in int16, but no
     * larger than 2^-9 (the interpreter's limit; cells beyond 2^-9 · 32767 ≈ 64 then saturate).
     */
    static int cellScaleLog2(double maxAbsCell) {
        int k = (int) Math.ceil(Math.log(Math.max(maxAbsCell, 1e-6) / 32767.0) / Math.log(2));
        return Math.min(k, LARGEST_CELL_SCALE_LOG2);
    }

    private static Tensor weights(String name, float[][] matrix) {
        Quantization q = Int8Weights.symmetricPerTensor(matrix);
        return new Tensor(name, TensorType.INT8, new int[] {matrix.length, matrix[0].length}, q,
                Int8Weights.quantizeMatrix(matrix, q.scale()));
    }

    private static int add(List<Tensor> tensors, Tensor tensor) {
        tensors.add(tensor);
        return tensors.size() - 1;
    }
}
