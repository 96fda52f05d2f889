/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations and weights with int16 gates and cell state: the "8x8_16"
 * integer LSTM of TF Lite 2.6. Per time step and batch, with gate g in {input, forget, cell, output}:
 *
 *   gate_g = sat16(rescale_x_g(bias_x_g + W_g · x) + rescale_h_g(bias_h_g + R_g · h))     (Q3.12)
 *   i, f, o = logistic(gate) (Q0.15), g = tanh(gate) (Q0.15), with gemmlowp's 16-bit fixed-point functions
 *   c = sat16(round(f·c >> 15) + round(i·g >> (30 + cell_scale_log2)))   then clipped to ±cell_clip if nonzero
 *   h = clamp8(rescale_hidden(o · tanh(c)) − hidden_zero_point)           (the interpreter subtracts it)
 *   output[t] = h
 *
 * Rescales use the double-rounding multiply (quant.h), as the interpreter's tensor utilities do. The biases are
 * the compiler's effective ones: the gate bias plus (−input zero point)·row sums of W, and (−output state zero
 * point)·row sums of R. Supported: no peephole, no projection, no layer normalization, no CIFG (the compiler
 * refuses the others). The states are reset at every call, so each call is one independent sequence.
 */
#ifndef TINYML_KERNELS_LSTM_H
#define TINYML_KERNELS_LSTM_H

#include <stdint.h>

enum { TINYML_LSTM_INPUT_GATE, TINYML_LSTM_FORGET_GATE, TINYML_LSTM_CELL_GATE, TINYML_LSTM_OUTPUT_GATE, TINYML_LSTM_GATES };

typedef struct {
    int32_t multiplier; /* Q31 */
    int32_t shift;      /* positive: left */
} tinyml_rescale;

typedef struct {
    int32_t time_steps;
    int32_t batches;
    int32_t input_depth;
    int32_t cells;             /* = output depth (no projection) */
    int32_t time_major;        /* input [time][batch][input] if nonzero, else [batch][time][input] */
    int32_t cell_scale_log2;   /* the cell state's scale is 2^cell_scale_log2, at most -9 */
    int32_t cell_clip;         /* in cell state units; 0: no clipping */
    int32_t output_state_zero_point;
    int32_t hidden_zero_point;
    tinyml_rescale input_rescale[TINYML_LSTM_GATES];
    tinyml_rescale recurrent_rescale[TINYML_LSTM_GATES];
    tinyml_rescale hidden_rescale;
    const int8_t *input_weights[TINYML_LSTM_GATES];      /* [cells][input_depth] */
    const int8_t *recurrent_weights[TINYML_LSTM_GATES];  /* [cells][cells] */
    const int32_t *input_bias[TINYML_LSTM_GATES];        /* [cells], effective */
    const int32_t *recurrent_bias[TINYML_LSTM_GATES];    /* [cells], effective */
} tinyml_lstm_s8_params;

/* output_state [batches][cells] int8 and cell_state [batches][cells] int16 are the operator's state, gates a
 * scratch of TINYML_LSTM_GATES·cells int16; output has the input's layout with cells in place of input_depth. */
void tinyml_unidirectional_sequence_lstm_s8(const tinyml_lstm_s8_params *params, const int8_t *input,
                                            int8_t *output_state, int16_t *cell_state, int16_t *gates,
                                            int8_t *output);

/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM, float32, as TF Lite 2.6's float kernel computes it. Per time step and batch:
 *
 *   gate_g = (bias_g + W_g · x) + R_g · h      each dot product summed alone, in order, then added
 *   i, f, o = 1 / (1 + e^-gate) and g = tanh(gate)
 *   c = f·c, then c += i·g, then clipped to ±cell_clip if nonzero
 *   h = o · tanh(c);  output[t] = h
 *
 * Same structure as the int8 kernel (no peephole, projection, layer normalization or CIFG) and the same reset of the
 * states at every call. The C library's expf and tanhf differ from the interpreter's by a few ulp, which the float
 * tolerance covers.
 */
typedef struct {
    int32_t time_steps;
    int32_t batches;
    int32_t input_depth;
    int32_t cells;
    int32_t time_major;
    float cell_clip;                                    /* 0: no clipping */
    const float *input_weights[TINYML_LSTM_GATES];      /* [cells][input_depth] */
    const float *recurrent_weights[TINYML_LSTM_GATES];  /* [cells][cells] */
    const float *bias[TINYML_LSTM_GATES];               /* [cells] */
} tinyml_lstm_f32_params;

/* output_state and cell_state [batches][cells] are the operator's state, gates a scratch of TINYML_LSTM_GATES·cells. */
void tinyml_unidirectional_sequence_lstm_f32(const tinyml_lstm_f32_params *params, const float *input,
                                             float *output_state, float *cell_state, float *gates, float *output);

#endif
