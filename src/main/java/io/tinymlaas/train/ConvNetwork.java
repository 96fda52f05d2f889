package io.tinymlaas.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained float32 CNN classifier: input [height][width][channels] (flattened row-major in samples), conv+pool
 * layers, a flatten, dense layers (ReLU on all but the last) and a softmax over the last layer's logits.
 */
public record ConvNetwork(int height, int width, int channels, List<ConvLayer> convs, List<DenseLayer> dense)
        implements FloatModel {

    /** Every intermediate value for one sample, as the converter's calibration needs them. */
    public record Activations(float[] input, List<float[][][]> convOutputs, List<float[][][]> poolOutputs,
                              List<float[]> denseOutputs) {

        public float[] logits() {
            return denseOutputs.get(denseOutputs.size() - 1);
        }
    }

    public Activations forward(float[] input) {
        float[][][] x = new float[height][width][channels];
        int k = 0;
        for (int y = 0; y < height; y++) {
            for (int w = 0; w < width; w++) {
                for (int c = 0; c < channels; c++) {
                    x[y][w][c] = input[k++];
                }
            }
        }
        List<float[][][]> convOutputs = new ArrayList<>();
        List<float[][][]> poolOutputs = new ArrayList<>();
        for (ConvLayer layer : convs) {
            float[][][] convolved = layer.convolve(x);
            convOutputs.add(convolved);
            x = layer.pool(convolved);
            poolOutputs.add(x);
        }
        float[] flat = flatten(x);
        List<float[]> denseOutputs = new ArrayList<>();
        for (DenseLayer layer : dense) {
            flat = layer.apply(flat);
            denseOutputs.add(flat);
        }
        return new Activations(input, convOutputs, poolOutputs, denseOutputs);
    }

    /** Class probabilities. */
    public float[] predict(float[] input) {
        return softmax(forward(input).logits());
    }

    /** The shape [h, w, c] after the last pooling, which the flatten turns into one vector. */
    public int[] flattenedShape() {
        int h = height;
        int w = width;
        int c = channels;
        for (ConvLayer layer : convs) {
            h = ConvLayer.pooledSize(h, layer.poolH());
            w = ConvLayer.pooledSize(w, layer.poolW());
            c = layer.outChannels();
        }
        return new int[] {h, w, c};
    }

    static float[] flatten(float[][][] x) {
        float[] flat = new float[x.length * x[0].length * x[0][0].length];
        int k = 0;
        for (float[][] row : x) {
            for (float[] pixel : row) {
                for (float value : pixel) {
                    flat[k++] = value;
                }
            }
        }
        return flat;
    }

    public static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
