/*
 * Host test of softfloat.c and ../arc/softfloat_arc.c against the host's IEEE single precision on random operands (a
 * third with nearby exponents, a fifth subnormal, NaN and infinity among them): add, subtract, multiply, divide,
 * int-to-float, float-to-int (in range) and >=. Build with the helpers renamed so they do not meet the host libgcc's:
 *   gcc -O2 -ffp-contract=off -I. -D__addsf3=soft_add -D__subsf3=soft_sub -D__mulsf3=soft_mul -D__floatsisf=soft_float \
 *       -D__divsf3=soft_div -D__fixsfsi=soft_fix -D__gesf2=soft_ge ... softfloat_host_test.c softfloat.c ../arc/softfloat_arc.c
 * Prints the count of differences; exits 1 if there is any.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

float soft_add(float a, float b);
float soft_sub(float a, float b);
float soft_mul(float a, float b);
float soft_float(int32_t i);
float soft_div(float a, float b);
int32_t soft_fix(float a);
int soft_ge(float a, float b);

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
        volatile float sum, difference, product, quotient, converted;
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
        quotient = a / b;
        converted = (float)k;
        if (!same(soft_add(a, b), sum) || !same(soft_sub(a, b), difference) || !same(soft_mul(a, b), product)
                || !same(soft_div(a, b), quotient) || !same(soft_float(k), converted)
                || (soft_ge(a, b) >= 0) != (a >= b) || (a > -2e9f && a < 2e9f && soft_fix(a) != (int32_t)a)) {
            if (differences++ < 5) {
                printf("%08x %08x %d\n", (unsigned)x, (unsigned)y, (int)k);
            }
        }
    }
    printf("%ld differences\n", differences);
    return differences != 0;
}
