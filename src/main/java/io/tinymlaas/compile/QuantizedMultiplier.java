package io.tinymlaas.compile;

import io.tinymlaas.convert.Rounding;

/**
 * A real multiplier as TFLite's integer kernels apply it: a Q31 fixed-point value and a power-of-two shift
 * (positive = left). Computed exactly as the reference interpreter does at prepare time, so that our
 * kernels round identically.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    public static QuantizedMultiplier of(double real) {
        if (real == 0.0) {
            return new QuantizedMultiplier(0, 0);
        }
        int shift = Math.getExponent(real) + 1;
        double fraction = real / Math.scalb(1.0, shift);
        long q = Rounding.halfAwayFromZero(fraction * (1L << 31));
        if (q == (1L << 31)) {
            q /= 2;
            shift++;
        }
        if (shift < -31) {
            return new QuantizedMultiplier(0, 0);
        }
        if (shift > 30) {
            throw new IllegalArgumentException("the rescale factor " + real + " is too large for int32 fixed point "
                    + "(quantization scales out of proportion)");
        }
        return new QuantizedMultiplier((int) q, shift);
    }

    /** The multiplier the interpreter derives for a convolution-like operator from the tensors' float scales. */
    public static QuantizedMultiplier forScales(float inputScale, float weightScale, float outputScale) {
        return of((double) inputScale * (double) weightScale / (double) outputScale);
    }
}
