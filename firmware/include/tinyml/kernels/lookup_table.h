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
 * The 16x8 scheme (kernels/ref/lookup_table_s16.c on every target), output scale 2^-15, zero point 0, in TF Lite 2.6's
 * two ways:
 * - input_multiplier 0: the input scale is 2^-12 (or, for TANH, 2^-11, input_left_shift 1, doubled with saturation to
 *   2^-12), and gemmlowp's fixed-point logistic or tanh of Q3.12 is taken (tinyml/fixedpoint_s16.h);
 * - otherwise its reference kernels: the input rescaled by input_multiplier / 2^input_left_shift (rounded half up) to
 *   the table's steps, interpolated linearly in a 256-entry sigmoid table, mirrored for negative inputs. LOGISTIC steps
 *   by 2^9 of the rescaled input, TANH by 2^8 (tanh(x) = 2·sigmoid(2x) − 1).
 * The compiler prepares the multiplier and shift as the interpreter's Prepare does.
 */
typedef struct {
    int32_t size;
    int32_t input_multiplier;  /* below 2^16; 0: the fixed-point path */
    int32_t input_left_shift;  /* a right shift of the rescaled input; a left shift on the fixed-point path */
} tinyml_lookup_table_s16_params;

void tinyml_logistic_s16(const tinyml_lookup_table_s16_params *params, const int16_t *input, int16_t *output);

void tinyml_tanh_s16(const tinyml_lookup_table_s16_params *params, const int16_t *input, int16_t *output);

#endif
