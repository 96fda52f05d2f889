package io.tinymlaas.compile.ops;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.tflite.Quantization;

/**
 * What TFLM's int8 LOGISTIC, TANH and SOFTMAX compute, prepared as tables: each of their outputs depends on one input
 * value (LOGISTIC, TANH) or one input difference (SOFTMAX's exponentials), so the compiler runs TFLM's fixed-point
 * arithmetic ({@link GemmlowpFixedPoint}) once per possible value and the device looks the results up.
 */
final class TflmTables {

    /** TFLM's LOGISTIC and TANH read the rescaled input with 4 integer bits; SOFTMAX its scaled differences with 5. */
    private static final int ACTIVATION_INTEGER_BITS = 4;
    private static final int SOFTMAX_INTEGER_BITS = 5;

    private TflmTables() {
    }

    /** LOGISTIC's 256 outputs (output scale 1/256, zero point −128), indexed by (uint8_t)q. */
    static int[] logistic(Quantization in) {
        return activation(in, true);
    }

    /** TANH's 256 outputs (output scale 1/128, zero point 0), indexed by (uint8_t)q. */
    static int[] tanh(Quantization in) {
        return activation(in, false);
    }

    /**
     * TFLM's prepare: input_scale·2^27 split by frexp, its fraction rounded to Q31 as the multiplier (TFLM does not
     * renormalize one that rounds up to 2^31; its cast then wraps as on x86) and its exponent as the left shift; inputs
     * beyond the radius floor(15·2^27 / 2^shift) saturate. Within it, the fixed-point function of
     * MultiplyByQuantizedMultiplier(q − zero point), rounded to the output's 8 bits.
     */
    private static int[] activation(Quantization in, boolean logistic) {
        double real = (double) in.scale() * (1 << (31 - ACTIVATION_INTEGER_BITS));
        int shift = Math.getExponent(real) + 1;
        int multiplier = (int) Rounding.halfAwayFromZero(real / Math.scalb(1.0, shift) * (1L << 31));
        int radius = radius(ACTIVATION_INTEGER_BITS, shift);
        int[] table = new int[256];
        for (int q = -128; q <= 127; q++) {
            int input = q - in.zeroPoint();
            int output;
            if (input <= -radius) {
                output = -128;
            } else if (input >= radius) {
                output = 127;
            } else {
                int rescaled = GemmlowpFixedPoint.multiplyByQuantizedMultiplier(input, multiplier, shift);
                output = logistic
                        ? GemmlowpFixedPoint.roundingDivideByPot(GemmlowpFixedPoint.logistic(rescaled, ACTIVATION_INTEGER_BITS), 23) - 128
                        : GemmlowpFixedPoint.roundingDivideByPot(GemmlowpFixedPoint.tanh(rescaled, ACTIVATION_INTEGER_BITS), 24);
            }
            table[q & 0xff] = Math.max(-128, Math.min(127, output));
        }
        return table;
    }

    /** CalculateInputRadius: floor((2^integerBits − 1)·2^(31 − integerBits) / 2^shift), in double. */
    private static int radius(int integerBits, int shift) {
        return (int) Math.floor(((1 << integerBits) - 1) * (double) (1L << (31 - integerBits)) / Math.scalb(1.0, shift));
    }

    /**
     * SOFTMAX's exponentials: entry 255 + d holds exp(input_scale·beta·d) in Q0.31 for the difference d = q − max in
     * [−255, 0], computed as TFLM does (d rescaled by the multiplier of min(beta·input_scale·2^26, 2^31 − 1) to Q5.26,
     * then gemmlowp's exp_on_negative_values); 0 where d is below TFLM's diff_min, which it leaves out of the sum and
     * outputs as −128, as a zero exponential does.
     *
     * @throws LoweringException when beta·input_scale·2^26 is not above 1, which TFLM refuses at prepare time
     */
    static int[] softmaxExp(float inputScale, float beta, String where) {
        double real = Math.min((double) beta * (double) inputScale * (double) (1 << (31 - SOFTMAX_INTEGER_BITS)),
                (double) ((1L << 31) - 1));
        if (!(real > 1.0)) {
            throw new LoweringException(where + ": beta " + beta + " times input scale " + inputScale
                    + " is below 2^-26, which TFLM's int8 SOFTMAX does not accept");
        }
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        int diffMin = -radius(SOFTMAX_INTEGER_BITS, m.shift());
        int[] table = new int[256];
        for (int d = 0; d >= -255; d--) {
            table[255 + d] = d < diffMin ? 0 : GemmlowpFixedPoint.expOnNegativeValues(
                    GemmlowpFixedPoint.multiply(d * (1 << m.shift()), m.multiplier()), SOFTMAX_INTEGER_BITS);
        }
        return table;
    }
}
