package io.tinymlaas.train;

/**
 * A trained CONV_2D layer (stride 1, SAME padding, ReLU) followed by a MAX_POOL_2D (stride = window, SAME padding).
 * {@code filter[out][kernelH][kernelW][in]} is TensorFlow Lite's filter layout; {@code bias[out]}.
 */
public record ConvLayer(float[][][][] filter, float[] bias, int poolH, int poolW) {

    public int outChannels() {
        return filter.length;
    }

    public int kernelH() {
        return filter[0].length;
    }

    public int kernelW() {
        return filter[0][0].length;
    }

    public int inChannels() {
        return filter[0][0][0].length;
    }

    /** Convolution plus ReLU over an [h][w][c] input, zero-padded as TensorFlow's SAME does it. */
    public float[][][] convolve(float[][][] input) {
        int height = input.length;
        int width = input[0].length;
        int padTop = (kernelH() - 1) / 2;
        int padLeft = (kernelW() - 1) / 2;
        float[][][] output = new float[height][width][outChannels()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int o = 0; o < outChannels(); o++) {
                    double sum = bias[o];
                    for (int ky = 0; ky < kernelH(); ky++) {
                        int iy = y + ky - padTop;
                        if (iy < 0 || iy >= height) {
                            continue;
                        }
                        for (int kx = 0; kx < kernelW(); kx++) {
                            int ix = x + kx - padLeft;
                            if (ix < 0 || ix >= width) {
                                continue;
                            }
                            float[] w = filter[o][ky][kx];
                            float[] in = input[iy][ix];
                            for (int c = 0; c < w.length; c++) {
                                sum += w[c] * in[c];
                            }
                        }
                    }
                    output[y][x][o] = (float) Math.max(0, sum);
                }
            }
        }
        return output;
    }

    /** Max pooling with window = stride = (poolH, poolW) and SAME padding (padded taps are ignored). */
    public float[][][] pool(float[][][] input) {
        int height = input.length;
        int width = input[0].length;
        int outH = pooledSize(height, poolH);
        int outW = pooledSize(width, poolW);
        int padTop = Math.max((outH - 1) * poolH + poolH - height, 0) / 2;
        int padLeft = Math.max((outW - 1) * poolW + poolW - width, 0) / 2;
        int channels = input[0][0].length;
        float[][][] output = new float[outH][outW][channels];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < channels; c++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < poolH; ky++) {
                        int iy = y * poolH + ky - padTop;
                        for (int kx = 0; kx < poolW; kx++) {
                            int ix = x * poolW + kx - padLeft;
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                max = Math.max(max, input[iy][ix][c]);
                            }
                        }
                    }
                    output[y][x][c] = max;
                }
            }
        }
        return output;
    }

    static int pooledSize(int size, int window) {
        return (size + window - 1) / window;
    }
}
