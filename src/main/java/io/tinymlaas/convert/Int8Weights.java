package io.tinymlaas.convert;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Quantization;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The quantization steps both converters share: symmetric int8 weights, int32 biases, calibrated ranges. */
final class Int8Weights {

    private Int8Weights() {
    }

    /** One scale for the whole matrix: max |w| / 127 (1 for an all-zero matrix), zero point 0. */
    static Quantization symmetricPerTensor(float[][] weights) {
        double maxAbs = 0;
        for (float[] row : weights) {
            for (float w : row) {
                maxAbs = Math.max(maxAbs, Math.abs(w));
            }
        }
        return Quantization.perTensor((float) (maxAbs > 0 ? maxAbs / 127.0 : 1.0), 0);
    }

    static byte[] quantizeMatrix(float[][] weights, float scale) {
        byte[] data = new byte[weights.length * weights[0].length];
        int k = 0;
        for (float[] row : weights) {
            for (float w : row) {
                data[k++] = int8(w / (double) scale);
            }
        }
        return data;
    }

    /** Symmetric int8 as the spec has it: [-127, 127], so that -128 is never used. */
    static byte int8(double value) {
        return (byte) Math.max(-127, Math.min(127, Rounding.halfAwayFromZero(value)));
    }

    /** Little-endian int32 biases, each at its channel's scale (input scale × weight scale). */
    static byte[] quantizeBias(float[] bias, float[] scales) {
        ByteBuffer data = ByteBuffer.allocate(bias.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < bias.length; i++) {
            long q = Rounding.halfAwayFromZero(bias[i] / (double) scales[i]);
            data.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q)));
        }
        return data.array();
    }

    static float[] fill(int n, float value) {
        float[] values = new float[n];
        Arrays.fill(values, value);
        return values;
    }

    /** Widens a calibration range by observed values; NaN or infinity means the network or data is broken. */
    static ValueRange include(ValueRange range, float[] values) {
        float min = range.min();
        float max = range.max();
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new TinymlException("calibration produced " + value + ": the network or the representative data has NaN/Inf");
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new ValueRange(min, max);
    }
}
