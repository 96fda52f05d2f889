/*
 * Host test of softfloat.c: its add, subtract, multiply and int-to-float against the host's IEEE single precision
 * on random operands (a third with nearby exponents, a fifth subnormal, NaN and infinity among them). Build with the
 * helpers renamed so they do not meet the host libgcc's, e.g.
 *   gcc -O2 -ffp-contract=off -D__addsf3=soft_add -D__subsf3=soft_sub -D__mulsf3=soft_mul -D__floatsisf=soft_float \
 *       softfloat_host_test.c ../softfloat.c
 * Prints the count of differences; exits 1 if there is any.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

float soft_add(float a, float b);
float soft_sub(float a, float b);
float soft_mul(float a, float b);
float soft_float(int32_t i);

static uint64_t s_state = 88172645463325252ull;

static uint32_t next(void)
{
    s_state ^= s_state << 13;
    s_state ^= s_state >> 7;
    s_state ^= s_state << 17;
    return (uint32_t)s_state;
}

static uint32_t bits_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static float float_of(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* Any NaN equals any NaN: only the host's payloads differ. */
static int same(float a, float b)
{
    return (a != a && b != b) || bits_of(a) == bits_of(b);
}

int main(void)
{
    long differences = 0, i;
    for (i = 0; i < 2000000; i++) {
        uint32_t x = next(), y = next();
        int32_t k = (int32_t)next();
        float a, b;
        volatile float sum, difference, product, converted;
        if (i % 3 == 0) {
            y = (x & 0xFF800000u) ^ (next() & 0x0F7FFFFFu);
        }
        if (i % 5 == 0) {
            x &= 0x807FFFFFu;
        }
        if (i % 2) {
            k >>= next() % 31u;
        }
        a = float_of(x);
        b = float_of(y);
        sum = a + b;
        difference = a - b;
        product = a * b;
        converted = (float)k;
        if (!same(soft_add(a, b), sum) || !same(soft_sub(a, b), difference) || !same(soft_mul(a, b), product)
                || !same(soft_float(k), converted)) {
            if (differences++ < 5) {
                printf("%08x %08x %d\n", (unsigned)x, (unsigned)y, (int)k);
            }
        }
    }
    printf("%ld differences\n", differences);
    return differences != 0;
}
