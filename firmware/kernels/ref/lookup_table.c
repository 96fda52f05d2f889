/* Portable reference table lookup (int8), used for LOGISTIC and TANH, and their float32 versions. */
#include <math.h>

#include "tinyml/kernels/lookup_table.h"

void tinyml_lookup_table_s8(const tinyml_lookup_table_s8_params *p, const int8_t *input, int8_t *output) {
    for (int32_t i = 0; i < p->size; i++) {
        output[i] = p->table[(uint8_t)input[i]];
    }
}

/*
 * The interpreter's float logistic is Eigen's, not 1/(1 + e^-x): below -9 it returns e^x, flushed to 0 where that is
 * not a normal float; above, an odd degree-9 polynomial over an even degree-10 one in x, plus one half, each
 * polynomial evaluated by Horner's rule in float, with x capped where the result reaches one. Just below -9
 * e^x is 1.2e-4 (relative) above the logistic, near -8.9 the approximation is 3.7e-5 off it: libm's logistic would
 * miss the float tolerance there, this agrees to an ulp or two of expf.
 */
static float logistic(float x) {
    if (x < -9.0f) {
        const float e = expf(x);
        return e < 1.17549435e-38f ? 0.0f : e;
    }
    const float capped = x > 15.6437711715698242f ? 15.6437711715698242f : x;
    const float x2 = capped * capped;
    float p = x2 * 4.37031012579801e-11f + 1.15627324459942e-07f;
    p = x2 * p + 6.08574864600143e-05f;
    p = x2 * p + 8.51377133304701e-03f;
    p = x2 * p + 2.48287947061529e-01f;
    p = capped * p;
    float q = x2 * 6.10247389755681e-13f + 5.76102136993427e-09f;
    q = x2 * q + 6.29106785017040e-06f;
    q = x2 * q + 1.70198817374094e-03f;
    q = x2 * q + 1.16817656904453e-01f;
    q = x2 * q + 9.93151921023180e-01f;
    return p / q + 0.5f;
}

void tinyml_logistic_f32(int32_t size, const float *input, float *output) {
    for (int32_t i = 0; i < size; i++) {
        output[i] = logistic(input[i]);
    }
}

void tinyml_tanh_f32(int32_t size, const float *input, float *output) {
    for (int32_t i = 0; i < size; i++) {
        output[i] = tanhf(input[i]);
    }
}
