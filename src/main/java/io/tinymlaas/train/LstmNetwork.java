package io.tinymlaas.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained float32 LSTM classifier. Per step t with input x_t and the previous h, c (zero at the start), for the
 * gates in the order input, forget, cell, output (TF Lite's order):
 * <pre>
 *   i = σ(Wx[0]·x_t + Wh[0]·h + b[0])   f = σ(Wx[1]·x_t + Wh[1]·h + b[1])
 *   g = tanh(Wx[2]·x_t + Wh[2]·h + b[2]) o = σ(Wx[3]·x_t + Wh[3]·h + b[3])
 *   c = f·c + i·g                        h = o·tanh(c)
 * </pre>
 * then {@code dense} over the concatenated hidden states of all steps gives the logits, and a softmax the class
 * probabilities. {@code inputWeights[g]} is [cells][features], {@code recurrentWeights[g]} [cells][cells].
 */
public record LstmNetwork(int timeSteps, int features, float[][][] inputWeights, float[][][] recurrentWeights, float[][] biases,
                          DenseLayer dense) implements FloatModel {

    public static final int GATES = 4;

    /** Every step's hidden and cell state for one sample, and the logits, as calibration needs them. */
    public record Activations(List<float[]> hidden, List<float[]> cells, float[] logits) {
    }

    public int cells() {
        return biases[0].length;
    }

    public Activations forward(float[] sample) {
        int n = cells();
        float[] h = new float[n];
        float[] c = new float[n];
        List<float[]> hidden = new ArrayList<>();
        List<float[]> cellStates = new ArrayList<>();
        float[] sequence = new float[timeSteps * n];
        for (int t = 0; t < timeSteps; t++) {
            float[][] gates = new float[GATES][n];
            for (int g = 0; g < GATES; g++) {
                for (int r = 0; r < n; r++) {
                    double sum = biases[g][r];
                    for (int k = 0; k < features; k++) {
                        sum += inputWeights[g][r][k] * sample[t * features + k];
                    }
                    for (int k = 0; k < n; k++) {
                        sum += recurrentWeights[g][r][k] * h[k];
                    }
                    gates[g][r] = g == 2 ? (float) Math.tanh(sum) : (float) (1 / (1 + Math.exp(-sum)));
                }
            }
            float[] nextH = new float[n];
            float[] nextC = new float[n];
            for (int r = 0; r < n; r++) {
                nextC[r] = gates[1][r] * c[r] + gates[0][r] * gates[2][r];
                nextH[r] = gates[3][r] * (float) Math.tanh(nextC[r]);
            }
            h = nextH;
            c = nextC;
            hidden.add(h);
            cellStates.add(c);
            System.arraycopy(h, 0, sequence, t * n, n);
        }
        return new Activations(hidden, cellStates, dense.apply(sequence));
    }

    @Override
    public float[] predict(float[] input) {
        return ConvNetwork.softmax(forward(input).logits());
    }
}
