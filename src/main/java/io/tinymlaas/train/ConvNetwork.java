package io.tinymlaas.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained float32 CNN classifier: input [height][width][channels] (flattened row-major in samples), conv+pool
 * layers, depthwise separable blocks, then a flatten or a global average pool, dense layers (ReLU on all but the last)
 * and a softmax over the last layer's logits.
 */
public record ConvNetwork(int height, int width, int channels, List<ConvLayer> convs, List<SeparableLayer> separable,
                          boolean globalAveragePool, List<DenseLayer> dense) implements FloatModel {

    /** Conv+pool layers only, flattened into the dense layers. */
    public ConvNetwork(int height, int width, int channels, List<ConvLayer> convs, List<DenseLayer> dense) {
        this(height, width, channels, convs, List.of(), false, dense);
    }

    /** Every intermediate value for one sample, as the converter's calibration needs them. */
    public record Activations(float[] input, List<float[][][]> convOutputs, List<float[][][]> poolOutputs,
                              List<float[][][]> depthwiseOutputs, List<float[][][]> pointwiseOutputs,
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
        List<float[][][]> depthwiseOutputs = new ArrayList<>();
        List<float[][][]> pointwiseOutputs = new ArrayList<>();
        for (SeparableLayer block : separable) {
            x = block.depthwise().convolve(x);
            depthwiseOutputs.add(x);
            x = block.pointwise().convolve(x);
            pointwiseOutputs.add(x);
        }
        float[] flat = globalAveragePool ? averageOverSpace(x) : flatten(x);
        List<float[]> denseOutputs = new ArrayList<>();
        for (DenseLayer layer : dense) {
            flat = layer.apply(flat);
            denseOutputs.add(flat);
        }
        return new Activations(input, convOutputs, poolOutputs, depthwiseOutputs, pointwiseOutputs, denseOutputs);
    }

    /** Class probabilities. */
    public float[] predict(float[] input) {
        return softmax(forward(input).logits());
    }

    /** The shape [h, w, c] after the last conv or separable block, before the flatten or the global pool. */
    public int[] featureShape() {
        int h = height;
        int w = width;
        int c = channels;
        for (ConvLayer layer : convs) {
            h = ConvLayer.sameSize(ConvLayer.sameSize(h, layer.stride()), layer.poolH());
            w = ConvLayer.sameSize(ConvLayer.sameSize(w, layer.stride()), layer.poolW());
            c = layer.outChannels();
        }
        for (SeparableLayer block : separable) {
            h = ConvLayer.sameSize(h, block.depthwise().stride());
            w = ConvLayer.sameSize(w, block.depthwise().stride());
            c = block.pointwise().outChannels();
        }
        return new int[] {h, w, c};
    }

    /** The shape [h, w, c] that the flatten turns into one vector: [1, 1, c] after a global average pool. */
    public int[] flattenedShape() {
        int[] features = featureShape();
        return globalAveragePool ? new int[] {1, 1, features[2]} : features;
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

    static float[] averageOverSpace(float[][][] x) {
        double[] sum = new double[x[0][0].length];
        for (float[][] row : x) {
            for (float[] pixel : row) {
                for (int c = 0; c < pixel.length; c++) {
                    sum[c] += pixel[c];
                }
            }
        }
        float[] mean = new float[sum.length];
        for (int c = 0; c < sum.length; c++) {
            mean[c] = (float) (sum[c] / (x.length * x[0].length));
        }
        return mean;
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
