package io.tinymlaas.train;

/** A trained fully connected layer: {@code weights[out][in]}, {@code bias[out]}, then ReLU or nothing. */
public record DenseLayer(float[][] weights, float[] bias, boolean relu) {

    public int inputs() {
        return weights[0].length;
    }

    public int outputs() {
        return weights.length;
    }

    public float[] apply(float[] input) {
        float[] output = new float[outputs()];
        for (int o = 0; o < output.length; o++) {
            double sum = bias[o];
            for (int i = 0; i < input.length; i++) {
                sum += weights[o][i] * input[i];
            }
            output[o] = relu ? (float) Math.max(0, sum) : (float) sum;
        }
        return output;
    }
}
