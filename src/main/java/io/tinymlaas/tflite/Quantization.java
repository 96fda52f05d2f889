package io.tinymlaas.tflite;

/**
 * Affine quantization of a tensor, real = scale * (q - zeroPoint): one scale and zero point per tensor, or one
 * per slice along {@code dimension} (per-channel weights).
 */
public record Quantization(float[] scales, long[] zeroPoints, int dimension) {

    public static Quantization perTensor(float scale, int zeroPoint) {
        return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
    }

    public boolean perChannel() {
        return scales.length > 1;
    }

    public float scale() {
        return scales[0];
    }

    public int zeroPoint() {
        return (int) zeroPoints[0];
    }

    public double dequantize(int q) {
        return scale() * (double) (q - zeroPoint());
    }
}
