/*
 * The fused activation of float32 operators, as TF Lite 2.6 applies it (ActivationFunctionWithMinMax): the value
 * limited to [activation_min, activation_max], which the compiler prepares: ±FLT_MAX for NONE, [0, FLT_MAX] for
 * RELU, [0, 6] for RELU6, [−1, 1] for RELU_N1_TO_1.
 */
#ifndef TINYML_ACTIVATION_F32_H
#define TINYML_ACTIVATION_F32_H

static inline float tinyml_clamp_f32(float value, float low, float high) {
    return value < low ? low : (value > high ? high : value);
}

#endif
