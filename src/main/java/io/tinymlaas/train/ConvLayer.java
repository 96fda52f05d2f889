package io.tinymlaas.train;

/**
 * A trained CONV_2D layer (SAME padding, ReLU) at a stride, followed by a MAX_POOL_2D (stride = window, SAME padding;
 * none when the window is 1 × 1). {@code filter[out][kernelH][kernelW][in]} is TensorFlow Lite's filter layout;
 * {@code bias[out]}.
 */
public record ConvLayer(float[][][][] filter, float[] bias, int stride, int poolH, int poolW) {

    /** Stride 1. */
    public ConvLayer(float[][][][] filter, float[] bias, int poolH, int poolW) {
        this(filter, bias, 1, poolH, poolW);
    }

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

    public boolean pooled() {
        return poolH > 1 || poolW > 1;
    }

    /** Convolution plus ReLU over an [h][w][c] input, zero-padded as TensorFlow's SAME does it. */
    public float[][][] convolve(float[][][] input) {
        int height = input.length;
        int width = input[0].length;
        int outH = sameSize(height, stride);
        int outW = sameSize(width, stride);
        int padTop = samePaddingBefore(height, kernelH(), stride);
        int padLeft = samePaddingBefore(width, kernelW(), stride);
        float[][][] output = new float[outH][outW][outChannels()];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int o = 0; o < outChannels(); o++) {
                    double sum = bias[o];
                    for (int ky = 0; ky < kernelH(); ky++) {
                        int iy = y * stride + ky - padTop;
                        if (iy < 0 || iy >= height) {
                            continue;
                        }
                        for (int kx = 0; kx < kernelW(); kx++) {
                            int ix = x * stride + kx - padLeft;
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
        int outH = sameSize(height, poolH);
        int outW = sameSize(width, poolW);
        int padTop = samePaddingBefore(height, poolH, poolH);
        int padLeft = samePaddingBefore(width, poolW, poolW);
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

    /** TensorFlow's SAME output size: ceil(size / stride). */
    public static int sameSize(int size, int stride) {
        return (size + stride - 1) / stride;
    }

    /** TensorFlow's SAME padding before the first row/column (the smaller half when the total is odd). */
    static int samePaddingBefore(int size, int kernel, int stride) {
        return Math.max((sameSize(size, stride) - 1) * stride + kernel - size, 0) / 2;
    }
}
