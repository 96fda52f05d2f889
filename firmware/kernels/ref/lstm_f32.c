/* Portable float32 UNIDIRECTIONAL_SEQUENCE_LSTM (see kernels/lstm.h); boards link this one too. */
#include "tinyml/kernels/lstm.h"

#include <math.h>
#include <string.h>

static float dot(const float *row, const float *vector, int32_t length) {
    float sum = 0.0f;
    for (int32_t k = 0; k < length; k++) {
        sum += row[k] * vector[k];
    }
    return sum;
}

static float logistic(float x) {
    return 1.0f / (1.0f + expf(-x));
}

void tinyml_unidirectional_sequence_lstm_f32(const tinyml_lstm_f32_params *p, const float *input,
                                             float *output_state, float *cell_state, float *gates, float *output) {
    const int32_t cells = p->cells;
    memset(output_state, 0, sizeof(float) * (size_t)(p->batches * cells));
    memset(cell_state, 0, sizeof(float) * (size_t)(p->batches * cells));
    for (int32_t b = 0; b < p->batches; b++) {
        float *h = output_state + b * cells;
        float *c = cell_state + b * cells;
        for (int32_t t = 0; t < p->time_steps; t++) {
            const int32_t step = p->time_major ? t * p->batches + b : b * p->time_steps + t;
            const float *x = input + step * p->input_depth;
            /* Every gate reads the previous h, so all are computed before h changes. */
            for (int32_t g = 0; g < TINYML_LSTM_GATES; g++) {
                for (int32_t r = 0; r < cells; r++) {
                    float gate = p->bias[g][r];
                    gate += dot(p->input_weights[g] + r * p->input_depth, x, p->input_depth);
                    gate += dot(p->recurrent_weights[g] + r * cells, h, cells);
                    gates[g * cells + r] = gate;
                }
            }
            float *out = output + step * cells;
            for (int32_t r = 0; r < cells; r++) {
                const float in_gate = logistic(gates[TINYML_LSTM_INPUT_GATE * cells + r]);
                const float forget_gate = logistic(gates[TINYML_LSTM_FORGET_GATE * cells + r]);
                const float cell_gate = tanhf(gates[TINYML_LSTM_CELL_GATE * cells + r]);
                const float output_gate = logistic(gates[TINYML_LSTM_OUTPUT_GATE * cells + r]);
                float cell = forget_gate * c[r];
                cell += in_gate * cell_gate;
                if (p->cell_clip > 0.0f) {
                    cell = cell > p->cell_clip ? p->cell_clip : (cell < -p->cell_clip ? -p->cell_clip : cell);
                }
                c[r] = cell;
                h[r] = output_gate * tanhf(cell);
                out[r] = h[r];
            }
        }
    }
}
