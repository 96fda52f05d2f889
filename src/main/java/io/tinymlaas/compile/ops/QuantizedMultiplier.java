package io.tinymlaas.compile.ops;

import io.tinymlaas.core.Rounding;

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

    /*
     * Which of float or double arithmetic the interpreter's prepare step uses differs per operator, and it matters:
     * the two multipliers can differ in their last bits, which moves an accumulator that lies near a rounding tie
     * by 1 LSB (RescaleTiesTest finds such cases for every operator).
     */

    /** CONV_2D and DEPTHWISE_CONV_2D, per tensor or per channel: the product and quotient in double. */
    public static QuantizedMultiplier forConvolution(float inputScale, float filterScale, float outputScale) {
        return of((double) inputScale * (double) filterScale / (double) outputScale);
    }

    /** FULLY_CONNECTED: the product of input and weight scale in float, then the quotient in double. */
    public static QuantizedMultiplier forFullyConnected(float inputScale, float weightScale, float outputScale) {
        return of((double) (inputScale * weightScale) / (double) outputScale);
    }

    /** MUL as TFLM prepares it: product and quotient in double, like CONV_2D (the 2.6 interpreter's are in float). */
    public static QuantizedMultiplier forMulTflm(float input1Scale, float input2Scale, float outputScale) {
        return of((double) input1Scale * (double) input2Scale / (double) outputScale);
    }

    /** MUL: product and quotient in float, only then widened to double. */
    public static QuantizedMultiplier forMul(float input1Scale, float input2Scale, float outputScale) {
        return of(input1Scale * input2Scale / outputScale);
    }

    /** QUANTIZE (int8 to int8) and the spatial MEAN: the quotient in double. */
    public static QuantizedMultiplier forRequantize(float inputScale, float outputScale) {
        return of((double) inputScale / (double) outputScale);
    }

    /** Standalone RELU and RELU6: the quotient in float. */
    public static QuantizedMultiplier forRelu(float inputScale, float outputScale) {
        return of(inputScale / outputScale);
    }

    /**
     * The shift of a 16x8 convolution or FULLY_CONNECTED multiplier: the interpreter's int64 rescaling takes shifts below
     * 8 only (a rescale factor below 128).
     */
    static int requireInt64Shift(QuantizedMultiplier m, String where) {
        if (m.shift() >= 8) {
            throw new LoweringException(where + ": the rescale factor 2^" + m.shift() + " is too large for the 16x8 kernels "
                    + "(below 128 only, as in the interpreter)");
        }
        return m.shift();
    }
}
