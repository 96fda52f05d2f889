/*
 * The single-precision helpers the ARC runtime needs beyond ../portable/softfloat.c, there being no libgcc: division
 * (round to nearest even), float-to-int (truncation; out of range saturates) and the comparisons, with libgcc's
 * results (NaN compares unordered: the ge/gt family returns -1, the le/lt/eq/ne family 1).
 */
#include "softfloat.h"

float __divsf3(float a, float b);
int32_t __fixsfsi(float a);
int __gesf2(float a, float b);
int __gtsf2(float a, float b);
int __lesf2(float a, float b);
int __ltsf2(float a, float b);
int __eqsf2(float a, float b);
int __nesf2(float a, float b);

static int is_nan(uint32_t u)
{
    return (u & 0x7FFFFFFFu) > INFINITY_BITS;
}

/* A subnormal's significand shifted up to 24 bits, its exponent down to match. */
static void normalize(uint64_t *significand, int *exponent)
{
    while (*significand < 0x800000u) {
        *significand <<= 1;
        (*exponent)--;
    }
}

float __divsf3(float a, float b)
{
    uint32_t ua = softfloat_to_bits(a), ub = softfloat_to_bits(b), sign = (ua ^ ub) & SIGN, remainder;
    uint64_t ma, mb, quotient = 0;
    int ea, eb, bit;
    int finite_a = softfloat_unpack(ua, &ma, &ea), finite_b = softfloat_unpack(ub, &mb, &eb);
    if (is_nan(ua) || is_nan(ub) || (!finite_a && !finite_b) || (finite_a && finite_b && ma == 0 && mb == 0)) {
        return softfloat_from_bits(QUIET_NAN);
    }
    if (!finite_a || (finite_b && mb == 0)) {
        return softfloat_from_bits(sign | INFINITY_BITS);
    }
    if (!finite_b || ma == 0) {
        return softfloat_from_bits(sign);
    }
    normalize(&ma, &ea);
    normalize(&mb, &eb);
    /* 41 quotient bits of ma * 2^40 / mb by shift and subtract (no 64-bit division without libgcc). */
    remainder = (uint32_t)ma;
    for (bit = 0; bit <= 40; bit++) {
        quotient <<= 1;
        if (remainder >= (uint32_t)mb) {
            remainder -= (uint32_t)mb;
            quotient |= 1u;
        }
        remainder <<= 1;
    }
    return softfloat_from_bits(softfloat_pack(sign, (quotient << 1) | (remainder != 0), ea - eb - 41));
}

int32_t __fixsfsi(float a)
{
    uint32_t u = softfloat_to_bits(a);
    uint64_t significand;
    int exponent;
    uint32_t magnitude;
    if (is_nan(u)) {
        return 0;
    }
    if (!softfloat_unpack(u, &significand, &exponent) || exponent > 7) {
        return (u & SIGN) ? INT32_MIN : INT32_MAX;
    }
    /* value = significand * 2^exponent, significand < 2^24: whole part by shifting. */
    magnitude = exponent >= 0 ? (uint32_t)(significand << exponent) : exponent > -25 ? (uint32_t)(significand >> -exponent) : 0u;
    return (u & SIGN) ? -(int32_t)magnitude : (int32_t)magnitude;
}

/* -1, 0 or 1 as a < b, a == b or a > b, for ordered operands (+0 equals -0). */
static int compare(uint32_t ua, uint32_t ub)
{
    int32_t ka, kb;
    if (((ua | ub) & 0x7FFFFFFFu) == 0) {
        return 0;
    }
    /* Sign and magnitude to two's complement orders floats as integers. */
    ka = (ua & SIGN) ? -(int32_t)(ua & 0x7FFFFFFFu) : (int32_t)ua;
    kb = (ub & SIGN) ? -(int32_t)(ub & 0x7FFFFFFFu) : (int32_t)ub;
    return ka < kb ? -1 : ka > kb;
}

static int compare_or(float a, float b, int unordered)
{
    uint32_t ua = softfloat_to_bits(a), ub = softfloat_to_bits(b);
    return is_nan(ua) || is_nan(ub) ? unordered : compare(ua, ub);
}

int __gesf2(float a, float b)
{
    return compare_or(a, b, -1);
}

int __gtsf2(float a, float b)
{
    return compare_or(a, b, -1);
}

int __lesf2(float a, float b)
{
    return compare_or(a, b, 1);
}

int __ltsf2(float a, float b)
{
    return compare_or(a, b, 1);
}

int __eqsf2(float a, float b)
{
    return compare_or(a, b, 1);
}

int __nesf2(float a, float b)
{
    return compare_or(a, b, 1);
}
