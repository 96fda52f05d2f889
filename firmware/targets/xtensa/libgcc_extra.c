/*
 * The integer helpers GCC calls on a core without a divider or a 32x32->64 multiply that Debian's lx106 libgcc
 * does not ship (it has __mulsi3, __modsi3 and __udivmoddi4, but not these). Portable C; no helper calls itself
 * through an operator it implements.
 */
#include <stdint.h>

uint32_t __udivsi3(uint32_t n, uint32_t d);
uint32_t __umodsi3(uint32_t n, uint32_t d);
int32_t __divsi3(int32_t n, int32_t d);
uint64_t __muldi3(uint64_t a, uint64_t b);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *remainder);

/* Shift-and-subtract, one quotient bit per step. */
static uint32_t divide(uint32_t n, uint32_t d, uint32_t *remainder)
{
    uint32_t q = 0, r = 0;
    int bit;
    for (bit = 31; bit >= 0; bit--) {
        r = (r << 1) | ((n >> bit) & 1u);
        if (r >= d) {
            r -= d;
            q |= 1u << bit;
        }
    }
    *remainder = r;
    return q;
}

uint32_t __udivsi3(uint32_t n, uint32_t d)
{
    uint32_t r;
    return divide(n, d, &r);
}

uint32_t __umodsi3(uint32_t n, uint32_t d)
{
    uint32_t r;
    (void)divide(n, d, &r);
    return r;
}

/* C's division truncates towards zero: divide the magnitudes, then give the quotient the sign. */
int32_t __divsi3(int32_t n, int32_t d)
{
    uint32_t r;
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    uint32_t q = divide(un, ud, &r);
    return (n < 0) != (d < 0) ? (int32_t)(0u - q) : (int32_t)q;
}

/* 32x32->64 from four 16x16->32 products (the core's MULL keeps only the low word). */
static uint64_t widening_multiply(uint32_t a, uint32_t b)
{
    uint32_t a0 = a & 0xFFFFu, a1 = a >> 16, b0 = b & 0xFFFFu, b1 = b >> 16;
    uint32_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint32_t middle = (p00 >> 16) + (p01 & 0xFFFFu) + (p10 & 0xFFFFu);
    uint32_t low = (middle << 16) | (p00 & 0xFFFFu);
    uint32_t high = p11 + (p01 >> 16) + (p10 >> 16) + (middle >> 16);
    return ((uint64_t)high << 32) | low;
}

uint64_t __muldi3(uint64_t a, uint64_t b)
{
    uint32_t al = (uint32_t)a, ah = (uint32_t)(a >> 32), bl = (uint32_t)b, bh = (uint32_t)(b >> 32);
    uint64_t low = widening_multiply(al, bl);
    uint32_t high = (uint32_t)(low >> 32) + al * bh + ah * bl;
    return ((uint64_t)high << 32) | (uint32_t)low;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    return __udivmoddi4(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    (void)__udivmoddi4(n, d, &r);
    return r;
}

int64_t __divdi3(int64_t n, int64_t d)
{
    uint64_t un = n < 0 ? 0u - (uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? 0u - (uint64_t)d : (uint64_t)d;
    uint64_t q = __udivmoddi4(un, ud, 0);
    return (n < 0) != (d < 0) ? (int64_t)(0u - q) : (int64_t)q;
}
