/*
 * The C library functions the runtime, the kernels and GCC's generated code call, for a build without any libc, and
 * the 64-bit variable shifts GCC leaves to libgcc on ARC EM (the soft-float code uses them).
 */
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int value, size_t n);
uint64_t __ashldi3(uint64_t value, int shift);
uint64_t __lshrdi3(uint64_t value, int shift);

/* Compiled so that GCC does not turn these loops into calls to themselves. */
__attribute__((optimize("no-tree-loop-distribute-patterns"))) void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

__attribute__((optimize("no-tree-loop-distribute-patterns"))) void *memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d < s) {
        return memcpy(dst, src, n);
    }
    while (n--) {
        d[n] = s[n];
    }
    return dst;
}

__attribute__((optimize("no-tree-loop-distribute-patterns"))) void *memset(void *dst, int value, size_t n)
{
    uint8_t *d = dst;
    while (n--) {
        *d++ = (uint8_t)value;
    }
    return dst;
}

/* Shifts by 0..63 on the two 32-bit halves (a shift by 32 or more moves one half into the other). */
uint64_t __ashldi3(uint64_t value, int shift)
{
    uint32_t low = (uint32_t)value, high = (uint32_t)(value >> 32);
    if (shift == 0) {
        return value;
    }
    if (shift >= 32) {
        high = low << (shift - 32);
        low = 0;
    } else {
        high = (high << shift) | (low >> (32 - shift));
        low <<= shift;
    }
    return ((uint64_t)high << 32) | low;
}

uint64_t __lshrdi3(uint64_t value, int shift)
{
    uint32_t low = (uint32_t)value, high = (uint32_t)(value >> 32);
    if (shift == 0) {
        return value;
    }
    if (shift >= 32) {
        low = high >> (shift - 32);
        high = 0;
    } else {
        low = (low >> shift) | (high << (32 - shift));
        high >>= shift;
    }
    return ((uint64_t)high << 32) | low;
}
