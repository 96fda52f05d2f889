package io.tinymlaas.convert;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.tflite.Quantization;

/**
 * The observed range of an activation during calibration, and the int8 quantization that covers it.
 * Follows the TFLite int8 spec: the range always includes 0 so that 0.0 is exact; 256 levels over [min, max].
 */
public record ValueRange(float min, float max) {

    public static ValueRange empty() {
        return new ValueRange(Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
    }

    public ValueRange include(float value) {
        return new ValueRange(Math.min(min, value), Math.max(max, value));
    }

    public Quantization asymmetricInt8() {
        double low = Math.min(0.0, min);
        double high = Math.max(0.0, max);
        if (high - low < 1e-8) {
            high = low + 1e-8;
        }
        float scale = (float) ((high - low) / 255.0);
        long zeroPoint = Math.max(-128, Math.min(127, Rounding.halfAwayFromZero(-128 - low / scale)));
        return Quantization.perTensor(scale, (int) zeroPoint);
    }
}
