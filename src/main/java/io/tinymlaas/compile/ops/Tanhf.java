package io.tinymlaas.compile.ops;

/**
 * tanhf exactly as glibc (up to at least 2.36) computes it on x86-64, the libm that the TF Lite 2.6 interpreter calls
 * when it fills its int8 TANH table. glibc's single-precision tanh is the classic fdlibm algorithm in float
 * arithmetic: for |x| ≥ 1, t = expm1f(2|x|) and tanh = 1 − 2/(t + 2); below, t = expm1f(−2|x|) and tanh = −t/(t + 2);
 * from |x| ≥ 22 on it is 1. expm1f is fdlibm's too: reduction by k·ln2 (ln2 split in a high and a low part), a
 * rational approximation with a degree-5 polynomial in x²/2, and the result rebuilt from k. Every step is one IEEE
 * single-precision operation here as there (no FMA), so the results are the same bits; the test TanhOperatorTest
 * compares this with the host's tanhf on millions of arguments.
 */
final class Tanhf {

    private static final float LN2_HI = Float.intBitsToFloat(0x3f317180);
    private static final float LN2_LO = Float.intBitsToFloat(0x3717f7d1);
    private static final float INV_LN2 = Float.intBitsToFloat(0x3fb8aa3b);
    private static final float Q1 = Float.intBitsToFloat(0xbd088889);
    private static final float Q2 = Float.intBitsToFloat(0x3ad00d01);
    private static final float Q3 = Float.intBitsToFloat(0xb8a670cd);
    private static final float Q4 = Float.intBitsToFloat(0x36867e54);
    private static final float Q5 = Float.intBitsToFloat(0xb457edbb);

    private Tanhf() {
    }

    static float tanhf(float x) {
        int jx = Float.floatToRawIntBits(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7f800000) {
            return Float.isNaN(x) ? x : (jx >= 0 ? 1f : -1f);
        }
        float z;
        if (ix < 0x41b00000) {
            if (ix == 0) {
                return x;
            }
            if (ix < 0x24000000) {
                return x * (1f + x);
            }
            if (ix >= 0x3f800000) {
                float t = expm1f(2f * Math.abs(x));
                z = 1f - 2f / (t + 2f);
            } else {
                float t = expm1f(-2f * Math.abs(x));
                z = -t / (t + 2f);
            }
        } else {
            z = 1f;
        }
        return jx >= 0 ? z : -z;
    }

    /** fdlibm's expm1f for the finite arguments tanhf passes (|x| < 44). */
    static float expm1f(float x) {
        int hx = Float.floatToRawIntBits(x);
        boolean negative = hx < 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4195b844 && negative) {
            return -1f;
        }
        if (hx >= 0x42b17218) {
            throw new IllegalArgumentException("expm1f(" + x + ") overflows");
        }
        int k;
        float c = 0f;
        if (hx > 0x3eb17218) {
            float hi;
            float lo;
            if (hx < 0x3F851592) {
                hi = negative ? x + LN2_HI : x - LN2_HI;
                lo = negative ? -LN2_LO : LN2_LO;
                k = negative ? -1 : 1;
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5f : 0.5f));
                float t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x33000000) {
            return x;
        } else {
            k = 0;
        }
        float hfx = 0.5f * x;
        float hxs = x * hfx;
        float r1 = 1f + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        float t = 3f - r1 * hfx;
        float e = hxs * ((r1 - t) / (6f - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5f * (x - e) - 0.5f;
        }
        if (k == 1) {
            return x < -0.25f ? -2f * (e - (x + 0.5f)) : 1f + 2f * (x - e);
        }
        float y;
        if (k <= -2 || k > 56) {
            y = 1f - (e - x);
            y = Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
            return y - 1f;
        }
        if (k < 23) {
            float t1 = Float.intBitsToFloat(0x3f800000 - (0x1000000 >> k));
            y = t1 - (e - x);
            y = Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
        } else {
            float t1 = Float.intBitsToFloat((0x7f - k) << 23);
            y = x - (e + t1);
            y += 1f;
            y = Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
        }
        return y;
    }
}
