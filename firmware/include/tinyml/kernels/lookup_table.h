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

#endif
