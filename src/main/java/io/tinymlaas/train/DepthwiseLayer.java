package io.tinymlaas.train;

/**
 * A trained DEPTHWISE_CONV_2D layer (depth multiplier 1, SAME padding, ReLU) at a stride: each channel convolved with
 * its own kernel. {@code filter[kernelH][kernelW][channels]} is TensorFlow Lite's [1, h, w, channels] layout without
 * its leading 1; {@code bias[channels]}.
 */
public record DepthwiseLayer(float[][][] filter, float[] bias, int stride) {

    public int kernelH() {
        return filter.length;
    }

    public int kernelW() {
        return filter[0].length;
    }

    public int channels() {
        return filter[0][0].length;
    }

    public float[][][] convolve(float[][][] input) {
        int height = input.length;
        int width = input[0].length;
        int outH = ConvLayer.sameSize(height, stride);
        int outW = ConvLayer.sameSize(width, stride);
        int padTop = ConvLayer.samePaddingBefore(height, kernelH(), stride);
        int padLeft = ConvLayer.samePaddingBefore(width, kernelW(), stride);
        float[][][] output = new float[outH][outW][channels()];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < channels(); c++) {
                    double sum = bias[c];
                    for (int ky = 0; ky < kernelH(); ky++) {
                        int iy = y * stride + ky - padTop;
                        for (int kx = 0; kx < kernelW(); kx++) {
                            int ix = x * stride + kx - padLeft;
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                sum += filter[ky][kx][c] * input[iy][ix][c];
                            }
                        }
                    }
                    output[y][x][c] = (float) Math.max(0, sum);
                }
            }
        }
        return output;
    }
}
