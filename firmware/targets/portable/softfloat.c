/*
 * The single-precision soft-float helpers the int8 SOFTMAX kernel calls (its float table, as TFLM has it) that
 * Debian's lx106 libgcc does not ship, and the ARC runtime, linking no libgcc, lacks too: add, subtract, multiply and
 * int-to-float, IEEE 754 round to nearest even, so results equal the host's float arithmetic bit for bit. Subnormals,
 * infinities and NaN are handled; NaN results are the default quiet NaN. The ARC runtime adds division, comparisons
 * and float-to-int (arc/softfloat_arc.c), which the lx106 libgcc has.
 */
#include "softfloat.h"

float softfloat_from_bits(uint32_t u)
{
    softfloat_bits b;
    b.u = u;
    return b.f;
}

uint32_t softfloat_to_bits(float f)
{
    softfloat_bits b;
    b.f = f;
    return b.u;
}

int softfloat_unpack(uint32_t u, uint64_t *significand, int *exponent)
{
    uint32_t field = (u >> 23) & 0xFFu, fraction = u & 0x7FFFFFu;
    if (field == 0xFFu) {
        return 0;
    }
    *significand = field ? (fraction | 0x800000u) : fraction;
    *exponent = field ? (int)field - 150 : -149;
    return 1;
}

static uint64_t shift_right_sticky(uint64_t value, int shift)
{
    if (shift <= 0) {
        return value;
    }
    if (shift >= 64) {
        return value != 0;
    }
    return (value >> shift) | ((value & ((1ull << shift) - 1u)) != 0);
}

uint32_t softfloat_pack(uint32_t sign, uint64_t significand, int exponent)
{
    int lead = 63, biased;
    uint32_t mantissa, result;
    uint64_t rest;
    while (!(significand >> lead)) {
        lead--;
    }
    significand <<= 63 - lead;
    biased = exponent + 63 + 127 - (63 - lead);
    if (biased < 1) {
        significand = shift_right_sticky(significand, 1 - biased);
        biased = 1;
    }
    if (biased >= 255) {
        return sign | INFINITY_BITS;
    }
    mantissa = (uint32_t)(significand >> 40);
    rest = significand & ((1ull << 40) - 1u);
    if (rest > (1ull << 39) || (rest == (1ull << 39) && (mantissa & 1u))) {
        mantissa++;
    }
    /* A mantissa carried to 2^24, or a subnormal's to 2^23, moves into the exponent field by itself. */
    result = ((uint32_t)(biased - 1) << 23) + mantissa;
    return result >= INFINITY_BITS ? sign | INFINITY_BITS : sign | result;
}

float __addsf3(float a, float b)
{
    uint32_t ua = softfloat_to_bits(a), ub = softfloat_to_bits(b), sa = ua & SIGN, sb = ub & SIGN;
    uint64_t ma, mb, sum;
    int ea, eb, exponent;
    int finite_a = softfloat_unpack(ua, &ma, &ea), finite_b = softfloat_unpack(ub, &mb, &eb);
    if (!finite_a || !finite_b) {
        if ((!finite_a && (ua & 0x7FFFFFu)) || (!finite_b && (ub & 0x7FFFFFu))) {
            return softfloat_from_bits(QUIET_NAN);
        }
        if (!finite_a && !finite_b) {
            return sa == sb ? a : softfloat_from_bits(QUIET_NAN);
        }
        return finite_a ? b : a;
    }
    if (ma == 0 && mb == 0) {
        return softfloat_from_bits(sa & sb);
    }
    if (ma == 0) {
        return b;
    }
    if (mb == 0) {
        return a;
    }
    /* 38 spare bits below each 24-bit significand keep guard, round and sticky through the alignment. */
    ma <<= 38;
    mb <<= 38;
    exponent = (ea > eb ? ea : eb) - 38;
    ma = shift_right_sticky(ma, (ea > eb ? ea : eb) - ea);
    mb = shift_right_sticky(mb, (ea > eb ? ea : eb) - eb);
    if (sa == sb) {
        return softfloat_from_bits(softfloat_pack(sa, ma + mb, exponent));
    }
    if (ma == mb) {
        return softfloat_from_bits(0);
    }
    sum = ma > mb ? ma - mb : mb - ma;
    return softfloat_from_bits(softfloat_pack(ma > mb ? sa : sb, sum, exponent));
}

float __subsf3(float a, float b)
{
    return __addsf3(a, softfloat_from_bits(softfloat_to_bits(b) ^ SIGN));
}

/* 24x24-bit product from 12-bit pieces: the core's MULL keeps only 32 bits. */
static uint64_t product(uint32_t a, uint32_t b)
{
    uint32_t a0 = a & 0xFFFu, a1 = a >> 12, b0 = b & 0xFFFu, b1 = b >> 12;
    return (uint64_t)(a0 * b0) + ((uint64_t)(a0 * b1 + a1 * b0) << 12) + ((uint64_t)(a1 * b1) << 24);
}

float __mulsf3(float a, float b)
{
    uint32_t ua = softfloat_to_bits(a), ub = softfloat_to_bits(b), sign = (ua ^ ub) & SIGN;
    uint64_t ma, mb;
    int ea, eb;
    int finite_a = softfloat_unpack(ua, &ma, &ea), finite_b = softfloat_unpack(ub, &mb, &eb);
    if (!finite_a || !finite_b) {
        if ((!finite_a && (ua & 0x7FFFFFu)) || (!finite_b && (ub & 0x7FFFFFu)) || (finite_a && ma == 0)
                || (finite_b && mb == 0)) {
            return softfloat_from_bits(QUIET_NAN);
        }
        return softfloat_from_bits(sign | INFINITY_BITS);
    }
    if (ma == 0 || mb == 0) {
        return softfloat_from_bits(sign);
    }
    return softfloat_from_bits(softfloat_pack(sign, product((uint32_t)ma, (uint32_t)mb), ea + eb));
}

float __floatsisf(int32_t i)
{
    uint32_t magnitude = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
    return i == 0 ? 0.0f : softfloat_from_bits(softfloat_pack(i < 0 ? SIGN : 0u, magnitude, 0));
}
