/*
 * LOGISTIC and TANH, int8, any shape: every value is looked up in a 256-entry table that the compiler fills at
 * compile time exactly as TF Lite 2.6's optimized int8 kernels fill theirs at prepare time (in float, with the
 * interpreter's libm; see ActivationLowering). The table is indexed by the input byte read as unsigned, so
 * table[0] is the output for input 0, table[255] the one for input -1 and table[128] the one for input -128.
 */
#ifndef TINYML_KERNELS_LOOKUP_TABLE_H
#define TINYML_KERNELS_LOOKUP_TABLE_H

#include <stdint.h>

typedef struct {
    int32_t size;         /* number of values */
    const int8_t *table;  /* [256], indexed by (uint8_t)input */
} tinyml_lookup_table_s8_params;

/*
 * float32 LOGISTIC follows the interpreter's Eigen evaluation (e^x below -9, a rational approximation above), which
 * differs from the true logistic by up to 1.2e-4 relative near -9; TANH is the C library's tanhf, within a few ulp of
 * the interpreter's rational approximation. Neither flushes subnormal values to zero as the interpreter's library does.
 */
void tinyml_logistic_f32(int32_t size, const float *input, float *output);

void tinyml_tanh_f32(int32_t size, const float *input, float *output);

void tinyml_lookup_table_s8(const tinyml_lookup_table_s8_params *params, const int8_t *input, int8_t *output);

/*
 * The 16x8 scheme (kernels/ref/lookup_table_s16.c on every target), TF Lite 2.6's reference kernels for input scales
 * that are not the one power of two its fixed-point path takes: the input rescaled by input_multiplier / 2^input_left_shift
 * (rounded half up) to the table's steps, interpolated linearly in a 256-entry sigmoid table, mirrored for negative
 * inputs; output scale 2^-15, zero point 0. LOGISTIC steps by 2^9 of the rescaled input, TANH by 2^8 (tanh(x) =
 * 2·sigmoid(2x) − 1). The compiler prepares the multiplier and shift as the interpreter's Prepare does.
 */
typedef struct {
    int32_t size;
    int32_t input_multiplier;  /* below 2^15 */
    int32_t input_left_shift;  /* a right shift, despite the interpreter's name for it */
} tinyml_lookup_table_s16_params;

void tinyml_logistic_s16(const tinyml_lookup_table_s16_params *params, const int16_t *input, int16_t *output);

void tinyml_tanh_s16(const tinyml_lookup_table_s16_params *params, const int16_t *input, int16_t *output);

#endif
