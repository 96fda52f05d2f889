/*
 * Equivalence test: kernels/cortex_m/fully_connected.c must give exactly the outputs of kernels/ref (the
 * kernel that is bit-identical to the TFLite 2.6 interpreter) for any shape, parameters and data.
 *
 * Both kernels are compiled into this one translation unit under different names, then run on the same
 * pseudo-random cases: shapes (batches 1-3, depths 1-80, 1-40 outputs), unaligned input/weights/output
 * pointers, with and without bias, input offsets 0 (what the compiler emits), typical, large and beyond
 * int16 lanes, output shifts over the whole range [-31, 30], output zero points in and beyond int8,
 * activation ranges full, ReLU-like, random, inverted and beyond int8. Outputs are compared byte for byte,
 * plus guard bytes around each output buffer that no kernel may touch.
 *
 *   host:     cc -std=c99 -I firmware/include fc_equivalence_test.c && ./a.out [cases] [seed]
 *             (the cortex_m kernel's plain C path; see run_fc_equivalence.sh, which adds ASan/UBSan)
 *   firmware: built with -DTINYML_FC_TEST_FIRMWARE as the "model" of the Cortex-M board runtime, so the
 *             DSP (M4, M7) and Helium (M55) paths run under QEMU; INFER (seed u32, cases u32) answers
 *             RESULT (cases run, mismatches, first failing case or 0xFFFFFFFF, checksum of outputs), all u32 LE.
 *
 * The parameters avoid what is undefined behaviour in the reference itself (int32 overflow of the
 * accumulator or of the requantized value plus zero point).
 */
#include <stdint.h>
#include <string.h>

#define tinyml_fully_connected_s8 fc_test_ref_s8
#include "../ref/fully_connected.c"
#undef tinyml_fully_connected_s8

/* The header is already included (include guard): declare the second name by hand. */
void fc_test_opt_s8(const tinyml_fc_s8_params *params, const int8_t *input, const int8_t *weights,
                    const int32_t *bias, int8_t *output);
#define tinyml_fully_connected_s8 fc_test_opt_s8
#include "../cortex_m/fully_connected.c"
#undef tinyml_fully_connected_s8

#define MAX_BATCHES 3
#define MAX_DEPTH 80
#define MAX_OUTPUTS 40
#define GUARD 8
#define GUARD_BYTE 0x5A

typedef struct {
    uint32_t cases;
    uint32_t mismatches;
    uint32_t first_failure; /* case index, 0xFFFFFFFF if none */
    uint32_t checksum;      /* FNV-1a over every output byte, to compare runs */
} fc_test_summary;

static uint32_t rng_state;

static uint32_t rng(void)
{
    /* xorshift32 */
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

/* uniform in [lo, hi] */
static int32_t rng_range(int32_t lo, int32_t hi)
{
    return lo + (int32_t)(rng() % (uint32_t)(hi - lo + 1));
}

static int8_t input_buf[MAX_BATCHES * MAX_DEPTH + 4];
static int8_t weights_buf[MAX_OUTPUTS * MAX_DEPTH + 4];
static int32_t bias_buf[MAX_OUTPUTS];
static int8_t out_ref[MAX_BATCHES * MAX_OUTPUTS + 4 + 2 * GUARD];
static int8_t out_opt[MAX_BATCHES * MAX_OUTPUTS + 4 + 2 * GUARD];

static int32_t pick_depth(void)
{
    static const int32_t edges[] = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 64, 80};
    return (rng() & 1) ? edges[rng() % (sizeof edges / sizeof edges[0])] : rng_range(1, MAX_DEPTH);
}

static int32_t pick_outputs(void)
{
    static const int32_t edges[] = {1, 2, 3, 4, 5, 7, 8, 16, 17, 40};
    return (rng() & 1) ? edges[rng() % (sizeof edges / sizeof edges[0])] : rng_range(1, MAX_OUTPUTS);
}

static int32_t pick_input_offset(void)
{
    switch (rng() % 10) {
    case 0: case 1: case 2: case 3: case 4: return 0; /* what the compiler emits */
    case 5: case 6: return rng_range(-128, 128);      /* an int8 or uint8 zero point */
    case 7: return (rng() & 1) ? 128 : -127;
    case 8: return rng_range(-32640, 32640);          /* still fits int16 lanes */
    default: return (rng() & 1) ? rng_range(32641, 40000) : -rng_range(32641, 40000); /* reference fallback */
    }
}

static int32_t pick_shift(void)
{
    switch (rng() % 8) {
    case 0: return rng_range(-31, 30);
    case 1: return -1 - (int32_t)(rng() % 2) * 21; /* -1 or -22: just outside the fast range */
    case 2: return (rng() & 1) ? -2 : -21;        /* the fast range's ends */
    default: return rng_range(-12, -2);
    }
}

static int32_t pick_output_offset(void)
{
    switch (rng() % 8) {
    case 0: return (rng() & 1) ? 255 : -255;
    case 1: return (rng() & 1) ? 256 : -256;
    case 2: return rng_range(-100000, 100000);
    case 3: return -128;
    default: return rng_range(-128, 127);
    }
}

static void pick_activation(int32_t output_offset, int32_t *low, int32_t *high)
{
    switch (rng() % 8) {
    case 0: case 1: case 2: *low = -128; *high = 127; return;
    case 3: *low = output_offset < -128 ? -128 : (output_offset > 127 ? 127 : output_offset); *high = 127; return;
    case 4: *low = rng_range(-128, 127); *high = rng_range(*low, 127); return;
    case 5: *high = rng_range(-128, 126); *low = rng_range(*high + 1, 127); return; /* inverted */
    case 6: *low = rng_range(-300, -129); *high = rng_range(128, 300); return;      /* beyond int8: wraps */
    default: *low = -128; *high = rng_range(0, 127); return;                         /* ReLU6-like */
    }
}

static int64_t abs64(int64_t v)
{
    return v < 0 ? -v : v;
}

/* Runs one case; returns 1 if both kernels agree and left the guard bytes alone. */
static int run_case(uint32_t *checksum)
{
    tinyml_fc_s8_params p;
    p.batches = rng_range(1, MAX_BATCHES);
    p.input_depth = pick_depth();
    p.output_depth = pick_outputs();
    p.input_offset = pick_input_offset();
    p.output_offset = pick_output_offset();
    p.output_shift = pick_shift();
    p.output_multiplier = (rng() % 16 == 0) ? 0 : (int32_t)(0x40000000u + (rng() & 0x3FFFFFFFu));
    if (p.output_multiplier == 0) {
        p.output_shift = 0;
    }
    pick_activation(p.output_offset, &p.activation_min, &p.activation_max);

    const int with_bias = rng() % 5 != 0;
    const int32_t bias_bound = (rng() & 1) ? (1 << 12) : ((rng() & 1) ? (1 << 20) : (1 << 28));
    int8_t *const input = input_buf + rng() % 4;
    int8_t *const weights = weights_buf + rng() % 4;
    const int out_skew = (int)(rng() % 4);

    for (int32_t i = 0; i < p.batches * p.input_depth; i++) {
        input[i] = (int8_t)rng();
    }
    for (int32_t i = 0; i < p.output_depth * p.input_depth; i++) {
        weights[i] = (int8_t)rng();
    }
    for (int32_t o = 0; o < p.output_depth; o++) {
        bias_buf[o] = rng_range(-bias_bound, bias_bound);
    }

    /* Keep the reference free of int32 overflow: |acc| <= bound, and the requantized value plus the zero point
     * must fit int32, which limits left shifts. */
    const int64_t acc_bound = (with_bias ? bias_bound : 0) +
                              (int64_t)p.input_depth * (128 + abs64(p.input_offset)) * 128;
    while (p.output_multiplier != 0 && p.output_shift > -31 &&
           ((acc_bound * (int64_t)p.output_multiplier) >> (31 - p.output_shift)) + abs64(p.output_offset) + 2 >=
               ((int64_t)1 << 31)) {
        p.output_shift--;
    }

    const int32_t out_len = p.batches * p.output_depth;
    memset(out_ref, GUARD_BYTE, sizeof out_ref);
    memset(out_opt, GUARD_BYTE, sizeof out_opt);
    fc_test_ref_s8(&p, input, weights, with_bias ? bias_buf : 0, out_ref + GUARD + out_skew);
    fc_test_opt_s8(&p, input, weights, with_bias ? bias_buf : 0, out_opt + GUARD + out_skew);

    for (int32_t i = 0; i < out_len; i++) {
        *checksum = (*checksum ^ (uint8_t)out_opt[GUARD + out_skew + i]) * 16777619u;
    }
    if (memcmp(out_ref, out_opt, sizeof out_ref) != 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof out_opt; i++) {
        const int inside = (int)i >= GUARD + out_skew && (int)i < GUARD + out_skew + out_len;
        if (!inside && out_opt[i] != (int8_t)GUARD_BYTE) {
            return 0;
        }
    }
    return 1;
}

static fc_test_summary run_cases(uint32_t seed, uint32_t cases)
{
    fc_test_summary s = {0, 0, 0xFFFFFFFFu, 2166136261u};
    rng_state = seed ? seed : 1u;
    for (uint32_t c = 0; c < cases; c++) {
        if (!run_case(&s.checksum)) {
            if (s.mismatches++ == 0) {
                s.first_failure = c;
            }
        }
        s.cases++;
    }
    return s;
}

#ifdef TINYML_FC_TEST_FIRMWARE
/* ---- firmware: this file is the board runtime's "model" (model.h is written by run_fc_equivalence.sh) ---- */
#include "model.h"

static uint8_t request[TINYML_MODEL_INPUT_BYTES] __attribute__((aligned(4)));
static uint8_t response[TINYML_MODEL_OUTPUT_BYTES] __attribute__((aligned(4)));

static uint32_t get_u32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static void put_u32(uint8_t *b, uint32_t v)
{
    b[0] = (uint8_t)v;
    b[1] = (uint8_t)(v >> 8);
    b[2] = (uint8_t)(v >> 16);
    b[3] = (uint8_t)(v >> 24);
}

int8_t *tinyml_model_input(void)
{
    return (int8_t *)request;
}

const int8_t *tinyml_model_output(void)
{
    return (const int8_t *)response;
}

void tinyml_model_invoke(void)
{
    const fc_test_summary s = run_cases(get_u32(request), get_u32(request + 4));
    put_u32(response, s.cases);
    put_u32(response + 4, s.mismatches);
    put_u32(response + 8, s.first_failure);
    put_u32(response + 12, s.checksum);
}

#else
/* ---- host ------------------------------------------------------------------------------------------ */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    const uint32_t cases = argc > 1 ? (uint32_t)strtoul(argv[1], 0, 0) : 200000u;
    const uint32_t seed = argc > 2 ? (uint32_t)strtoul(argv[2], 0, 0) : 20261125u;
    const fc_test_summary s = run_cases(seed, cases);
    printf("fully_connected cortex_m (%s) vs ref: %u cases, %u mismatches, checksum %08x (seed %u)\n",
           CM_MVE ? "Helium" : (CM_DSP ? "DSP" : "plain C"), (unsigned)s.cases, (unsigned)s.mismatches,
           (unsigned)s.checksum, (unsigned)seed);
    if (s.mismatches) {
        printf("FAIL: first mismatch in case %u\n", (unsigned)s.first_failure);
        return 1;
    }
    return 0;
}
#endif
