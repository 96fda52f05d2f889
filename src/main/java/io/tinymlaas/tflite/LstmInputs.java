package io.tinymlaas.tflite;

/**
 * The inputs of UNIDIRECTIONAL_SEQUENCE_LSTM as the schema numbers them: 0 input; 1–4 input weights and 5–8
 * recurrent weights (input, forget, cell, output gate); 9–11 peephole; 12–15 gate biases; 16–17 projection;
 * 18 output state, 19 cell state (variable tensors); 20–23 layer norm.
 */
public final class LstmInputs {

    public static final int COUNT = 24;
    public static final int OUTPUT_STATE = 18;
    public static final int CELL_STATE = 19;

    private LstmInputs() {
    }

    public static int[] inputWeights() {
        return new int[] {1, 2, 3, 4};
    }

    public static int[] recurrentWeights() {
        return new int[] {5, 6, 7, 8};
    }

    public static int[] peephole() {
        return new int[] {9, 10, 11};
    }

    public static int[] biases() {
        return new int[] {12, 13, 14, 15};
    }

    public static int[] projection() {
        return new int[] {16, 17};
    }

    public static int[] layerNorm() {
        return new int[] {20, 21, 22, 23};
    }

    /** Inputs the schema allows to be absent (-1): the input gate (CIFG), peephole, projection, layer norm. */
    public static int[] optional() {
        return new int[] {1, 5, 9, 10, 11, 12, 16, 17, 20, 21, 22, 23};
    }
}
