/*
 * Single-precision soft float for cores without an FPU whose libgcc lacks the helpers (softfloat.c; the ARC runtime
 * adds arc/softfloat_arc.c), and the bit-level pieces they share.
 */
#ifndef TINYML_SOFTFLOAT_H
#define TINYML_SOFTFLOAT_H

#include <stdint.h>

#define SIGN 0x80000000u
#define INFINITY_BITS 0x7F800000u
#define QUIET_NAN 0x7FC00000u

typedef union {
    float f;
    uint32_t u;
} softfloat_bits;

float softfloat_from_bits(uint32_t u);
uint32_t softfloat_to_bits(float f);
/* The value as significand * 2^exponent; false for infinity and NaN. */
int softfloat_unpack(uint32_t u, uint64_t *significand, int *exponent);
/* sign | significand * 2^exponent (significand != 0), rounded to nearest even. */
uint32_t softfloat_pack(uint32_t sign, uint64_t significand, int exponent);

float __addsf3(float a, float b);
float __subsf3(float a, float b);
float __mulsf3(float a, float b);
float __floatsisf(int32_t i);

#endif /* TINYML_SOFTFLOAT_H */
