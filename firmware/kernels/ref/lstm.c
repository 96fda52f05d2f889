/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM int8 (see kernels/lstm.h). The gate activations are gemmlowp's 16-bit
 * fixed-point logistic and tanh, which the interpreter calls (tinyml/fixedpoint_s16.h).
 */
#include "tinyml/kernels/lstm.h"

#include <string.h>

#include "tinyml/fixedpoint_s16.h"
#include "tinyml/quant.h"

/* --- the operator ------------------------------------------------------------------------------------- */

static int16_t saturate16(int32_t value) {
    return (int16_t)(value > INT16_MAX ? INT16_MAX : (value < INT16_MIN ? INT16_MIN : value));
}

/* gate[r] = sat16(gate[r] + rescale(bias[r] + Σ_k weights[r][k]·x[k])) */
static void accumulate_gate(int16_t *gate, const int8_t *x, int32_t depth, const int8_t *weights, const int32_t *bias,
                            tinyml_rescale rescale, int32_t cells) {
    for (int32_t r = 0; r < cells; r++) {
        const int8_t *row = weights + (int64_t)r * depth;
        int32_t acc = bias[r];
        for (int32_t k = 0; k < depth; k++) {
            acc += (int32_t)x[k] * row[k];
        }
        acc = tinyml_multiply_by_quantized_multiplier_double_rounding(acc, rescale.multiplier, rescale.shift);
        gate[r] = saturate16(acc + gate[r]);
    }
}

static void step(const tinyml_lstm_s8_params *p, const int8_t *x, int8_t *h, int16_t *c, int16_t *gates, int8_t *out) {
    const int32_t cells = p->cells;
    for (int g = 0; g < TINYML_LSTM_GATES; g++) {
        int16_t *gate = gates + g * cells;
        memset(gate, 0, (size_t)cells * sizeof *gate);
        accumulate_gate(gate, x, p->input_depth, p->input_weights[g], p->input_bias[g], p->input_rescale[g], cells);
        accumulate_gate(gate, h, cells, p->recurrent_weights[g], p->recurrent_bias[g], p->recurrent_rescale[g], cells);
        for (int32_t r = 0; r < cells; r++) {
            gate[r] = g == TINYML_LSTM_CELL_GATE ? fx_tanh(gate[r], 3) : fx_logistic(gate[r]);
        }
    }
    const int16_t *input_gate = gates + TINYML_LSTM_INPUT_GATE * cells;
    const int16_t *forget_gate = gates + TINYML_LSTM_FORGET_GATE * cells;
    const int16_t *cell_gate = gates + TINYML_LSTM_CELL_GATE * cells;
    const int16_t *output_gate = gates + TINYML_LSTM_OUTPUT_GATE * cells;
    for (int32_t r = 0; r < cells; r++) {
        const int16_t kept = (int16_t)rounding_divide_by_pot32((int32_t)forget_gate[r] * c[r], 15);
        const int16_t added = (int16_t)rounding_divide_by_pot32((int32_t)input_gate[r] * cell_gate[r], 30 + p->cell_scale_log2);
        int16_t cell = saturate16((int32_t)kept + added);
        if (p->cell_clip > 0) {
            cell = (int16_t)(cell > p->cell_clip ? p->cell_clip : (cell < -p->cell_clip ? -p->cell_clip : cell));
        }
        c[r] = cell;
        const int16_t squashed = fx_tanh(cell, 15 + p->cell_scale_log2);
        int32_t hidden = tinyml_multiply_by_quantized_multiplier_double_rounding((int32_t)output_gate[r] * squashed,
                                                                                  p->hidden_rescale.multiplier,
                                                                                  p->hidden_rescale.shift);
        h[r] = tinyml_clamp_s8(hidden - p->hidden_zero_point, -128, 127);
    }
    memcpy(out, h, (size_t)cells);
}

void tinyml_unidirectional_sequence_lstm_s8(const tinyml_lstm_s8_params *p, const int8_t *input, int8_t *output_state,
                                            int16_t *cell_state, int16_t *gates, int8_t *output) {
    const int32_t batches = p->batches;
    const int32_t cells = p->cells;
    /* The interpreter resets variable tensors to their zero point (int8) or zero. */
    memset(output_state, (uint8_t)(int8_t)p->output_state_zero_point, (size_t)batches * (size_t)cells);
    memset(cell_state, 0, (size_t)batches * (size_t)cells * sizeof *cell_state);
    for (int32_t t = 0; t < p->time_steps; t++) {
        for (int32_t b = 0; b < batches; b++) {
            const int64_t row = p->time_major ? (int64_t)t * batches + b : (int64_t)b * p->time_steps + t;
            step(p, input + row * p->input_depth, output_state + b * cells, cell_state + b * cells, gates,
                 output + row * cells);
        }
    }
}
