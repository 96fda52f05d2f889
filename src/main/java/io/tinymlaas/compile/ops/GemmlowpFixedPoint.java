package io.tinymlaas.compile.ops;

/**
 * gemmlowp's fixed-point arithmetic on int32 raw values (its fixedpoint.h), which TFLM's int8 LOGISTIC, TANH and
 * SOFTMAX compute with: a value with {@code integerBits} integer bits is raw / 2^(31 − integerBits). Reproduced
 * operation by operation, rounding included, so that the tables the compiler prepares from it are TFLM's outputs.
 * Additions wrap as in the C++ (no saturation), multiplications are rounding doubling high multiplies.
 */
final class GemmlowpFixedPoint {

    /** 1.0 with no integer bits: the largest raw value. */
    static final int ONE_Q0 = Integer.MAX_VALUE;

    private GemmlowpFixedPoint() {
    }

    /** (a·b + 2^30) / 2^31 rounded half away from zero, saturating the one overflow INT32_MIN·INT32_MIN. */
    static int multiply(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long product = (long) a * b;
        long nudge = product >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int) ((product + nudge) / (1L << 31));
    }

    /** x / 2^exponent rounded half away from zero (exponent in [0, 31]). */
    static int roundingDivideByPot(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /** x·2^exponent: saturating for a left shift, rounding for a right one. */
    static int multiplyByPot(int x, int exponent) {
        if (exponent <= 0) {
            return roundingDivideByPot(x, -exponent);
        }
        int threshold = (1 << (31 - exponent)) - 1;
        return x > threshold ? Integer.MAX_VALUE : x < -threshold ? Integer.MIN_VALUE : x << exponent;
    }

    /** TFLite's MultiplyByQuantizedMultiplier as TFLM builds it (double rounding; shift positive = left). */
    static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int left = Math.max(shift, 0);
        return roundingDivideByPot(multiply(x * (1 << left), multiplier), Math.max(-shift, 0));
    }

    /** exp(a) for a in [−1/4, 0), both with no integer bits: a Taylor polynomial around −1/8. */
    private static int expOnIntervalNearZero(int a) {
        final int expMinusOneEighth = 1895147668;
        final int oneThird = 715827883;
        int x = a + (1 << 28);
        int x2 = multiply(x, x);
        int x3 = multiply(x2, x);
        int x4 = multiply(x2, x2);
        int x4Over4 = multiplyByPot(x4, -2);
        int polynomial = multiplyByPot(multiply(x4Over4 + x3, oneThird) + x2, -1);
        return expMinusOneEighth + multiply(expMinusOneEighth, x + polynomial);
    }

    /** exp(a) for a ≤ 0 with {@code integerBits} integer bits; the result has none. */
    static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int modQuarterMinusQuarter = (a & (oneQuarter - 1)) - oneQuarter;
        int result = expOnIntervalNearZero(multiplyByPot(modQuarterMinusQuarter, integerBits));
        int remainder = modQuarterMinusQuarter - a;
        int[] multipliers = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
        for (int exponent = -2; exponent <= 4; exponent++) {
            if (integerBits > exponent && (remainder & (1 << (fractionalBits + exponent))) != 0) {
                result = multiply(result, multipliers[exponent + 2]);
            }
        }
        if (integerBits > 5 && a < -(1 << (36 - integerBits))) {
            result = 0;
        }
        return a == 0 ? ONE_Q0 : result;
    }

    /** The Newton-Raphson iterations both reciprocals share: 1 / (1 + a) for a in [0, 1), with two integer bits. */
    private static int reciprocalOfOnePlus(int a) {
        int halfDenominator = (int) roundingHalfSum(a, ONE_Q0);
        int x = 1515870810 + multiply(halfDenominator, -1010580540);
        for (int i = 0; i < 3; i++) {
            int oneMinusHalfDenominatorTimesX = (1 << 29) - multiply(halfDenominator, x);
            x = x + multiplyByPot(multiply(x, oneMinusHalfDenominatorTimesX), 2);
        }
        return x;
    }

    private static long roundingHalfSum(int a, int b) {
        long sum = (long) a + b;
        return (sum + (sum >= 0 ? 1 : -1)) / 2;
    }

    /** 1 / (1 + a) for a in [0, 1), no integer bits in or out. */
    static int oneOverOnePlusX(int a) {
        return multiplyByPot(reciprocalOfOnePlus(a), 1);
    }

    /** (1 − a) / (1 + a) for a in [0, 1), no integer bits in or out. */
    static int oneMinusXOverOnePlusX(int a) {
        return multiplyByPot(reciprocalOfOnePlus(a) - (1 << 29), 2);
    }

    /** The logistic function of a with {@code integerBits} integer bits; the result has none. */
    static int logistic(int a, int integerBits) {
        if (a == 0) {
            return 1 << 30;
        }
        int ofPositive = oneOverOnePlusX(expOnNegativeValues(a > 0 ? -a : a, integerBits));
        return a > 0 ? ofPositive : ONE_Q0 - ofPositive;
    }

    /** tanh of a with {@code integerBits} integer bits; the result has none. */
    static int tanh(int a, int integerBits) {
        if (a == 0) {
            return 0;
        }
        int negative = a < 0 ? a : -a;
        int t = oneMinusXOverOnePlusX(expOnNegativeValues(negative, integerBits + 1));
        return a < 0 ? -t : t;
    }
}
