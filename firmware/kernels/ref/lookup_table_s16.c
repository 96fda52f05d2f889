/* Portable LOGISTIC and TANH of the 16x8 scheme, the only ones on every target (see tinyml/kernels/lookup_table.h). */
#include <stdlib.h>

#include "tinyml/fixedpoint_s16.h"
#include "tinyml/kernels/lookup_table.h"

/*
 * sigmoid(i/24), i = 0..255, in unsigned Q0.16, as the interpreter tabulates it for linear interpolation: each entry is
 * raised by half the sag of the chords beside it, min(65535, round(65536·(s(x) − s''(x)·h²/16))) with h = 1/24 and
 * the last entry saturated at 65535 (plain rounding of s(x) differs from the interpreter's table in 44 places).
 * SigmoidTableTest recomputes every entry from that formula. TANH reads it as 2·sigmoid(2x) − 1.
 */
static const uint16_t sigmoid_q16[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794, 41432, 42064, 42688,
    43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409,
    51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
    57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110,
    61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186,
    63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
    64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900,
    64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208,
    65221, 65234, 65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
    65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449,
    65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491,
    65493, 65495, 65497, 65498, 65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
    65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524,
    65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530,
    65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
    65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65535,
};

/* The input on the table's scale (1/(3·4096) for LOGISTIC), rounded half up: (x·multiplier + 2^(shift−1)) >> shift. */
static int32_t rescale(const tinyml_lookup_table_s16_params *p, int32_t x) {
    const int32_t round = p->input_left_shift > 0 ? 1 << (p->input_left_shift - 1) : 0;
    return (x * p->input_multiplier + round) >> p->input_left_shift;
}

void tinyml_logistic_s16(const tinyml_lookup_table_s16_params *p, const int16_t *input, int16_t *output) {
    if (p->input_multiplier == 0) {
        for (int32_t i = 0; i < p->size; i++) {
            output[i] = fx_logistic(input[i]);
        }
        return;
    }
    for (int32_t i = 0; i < p->size; i++) {
        const int32_t x = rescale(p, input[i]);
        const uint32_t magnitude = (uint32_t)abs(x);
        const uint32_t step = magnitude >> 9;
        uint32_t value = 0x7FFFu << 10;
        if (step < 255) {
            const uint32_t low = sigmoid_q16[step];
            value = (low << 9) + (magnitude & 0x1FF) * (sigmoid_q16[step + 1] - low);
        }
        /* sigmoid(-x) = 1 - sigmoid(x); both sides round at bit 10. */
        value = x >= 0 ? value + (1u << 9) : (1u << 25) - value + (1u << 9) - 1;
        output[i] = (int16_t)(value >> 10);
    }
}

void tinyml_tanh_s16(const tinyml_lookup_table_s16_params *p, const int16_t *input, int16_t *output) {
    if (p->input_multiplier == 0) {
        for (int32_t i = 0; i < p->size; i++) {
            output[i] = fx_tanh(fx_multiply_by_pot(input[i], p->input_left_shift), 3);
        }
        return;
    }
    for (int32_t i = 0; i < p->size; i++) {
        const int32_t x = rescale(p, input[i]);
        const uint32_t magnitude = (uint32_t)abs(x);
        const uint32_t step = magnitude >> 8;
        int32_t value = 0xFFFF << 8;
        if (step < 255) {
            const uint32_t low = sigmoid_q16[step];
            value = (int32_t)((low << 8) + (magnitude & 0xFF) * (sigmoid_q16[step + 1] - low));
        }
        value = x >= 0 ? value - (1 << 23) + (1 << 7) : -value + (1 << 23) + (1 << 7) - 1;
        output[i] = (int16_t)(value >> 8);
    }
}
