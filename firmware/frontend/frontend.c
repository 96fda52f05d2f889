/*
 * Statement for statement the twin of io.tinymlaas.data.audio.FrontEnd; the constants and tables come from the
 * generated frontend_tables.h. Right shifts of negative values are arithmetic here, as in gcc and every compiler
 * for our targets, and as Java's >>. Left shifts are done as multiplications, which C defines for negative values.
 */
#include "frontend.h"

#include "frontend_tables.h"

static int32_t re[TINYML_FE_FFT_SIZE];
static int32_t im[TINYML_FE_FFT_SIZE];

static unsigned reverse_bits(unsigned i) {
    unsigned r = 0;
    for (int b = 0; b < TINYML_FE_FFT_BITS; b++) {
        r = (r << 1) | ((i >> b) & 1u);
    }
    return r;
}

/* In-place radix-2 decimation-in-time FFT; twiddles Q15, products rounded to nearest. */
static void fft(void) {
    for (unsigned i = 0; i < TINYML_FE_FFT_SIZE; i++) {
        unsigned j = reverse_bits(i);
        if (j > i) {
            int32_t t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
    }
    for (int size = 2; size <= TINYML_FE_FFT_SIZE; size <<= 1) {
        const int half = size >> 1;
        const int step = TINYML_FE_FFT_SIZE / size;
        for (int start = 0; start < TINYML_FE_FFT_SIZE; start += size) {
            for (int k = 0; k < half; k++) {
                const int64_t wr = tinyml_fe_cos[k * step];
                const int64_t wi = -tinyml_fe_sin[k * step];
                const int a = start + k;
                const int b = a + half;
                const int32_t tr = (int32_t)((wr * re[b] - wi * im[b] + (1 << 14)) >> 15);
                const int32_t ti = (int32_t)((wr * im[b] + wi * re[b] + (1 << 14)) >> 15);
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }
    }
}

static int msb64(int64_t x) {
    int n = 0;
    while (x >> (n + 1)) {
        n++;
    }
    return n;
}

/* log2 of the energy in Q10, minus the block scaling (2 x shift octaves of power), as an int8 level. */
static int8_t level(int64_t energy, int shift) {
    if (energy <= 0) {
        return -128;
    }
    const int frac_bits = TINYML_FE_LOG_FRACTION_BITS;
    const int rest_bits = TINYML_FE_LOG_FRACTION_BITS - TINYML_FE_LOG_TABLE_BITS;
    const int msb = msb64(energy);
    const int fraction = (int)(msb >= frac_bits ? (energy >> (msb - frac_bits)) : (energy << (frac_bits - msb)))
                         & ((1 << frac_bits) - 1);
    const int index = fraction >> rest_bits;
    const int rest = fraction & ((1 << rest_bits) - 1);
    const int interpolated = tinyml_fe_log2[index]
                             + (((tinyml_fe_log2[index + 1] - tinyml_fe_log2[index]) * rest + (1 << (rest_bits - 1))) >> rest_bits);
    const int32_t log2 = (msb - 2 * shift) * (1 << frac_bits) + interpolated;
    if (log2 <= TINYML_FE_LOG2_FLOOR_Q10) {
        return -128;
    }
    const int32_t lvl = ((log2 - TINYML_FE_LOG2_FLOOR_Q10) * TINYML_FE_LEVELS_PER_LOG2 + (1 << (frac_bits - 1))) >> frac_bits;
    return (int8_t)((lvl < 255 ? lvl : 255) - 128);
}

void tinyml_frontend_frame(const int16_t *window, int8_t *features) {
    int32_t peak = 0;
    for (int i = 0; i < TINYML_FE_WINDOW; i++) {
        re[i] = ((int32_t)window[i] * tinyml_fe_hann[i] + (1 << 14)) >> 15;
        const int32_t magnitude = re[i] < 0 ? -re[i] : re[i];
        peak = magnitude > peak ? magnitude : peak;
    }
    /* Block floating point: scale the frame up so the FFT keeps its precision on quiet frames; undone in level(). */
    int shift = 0;
    while (peak != 0 && ((int64_t)peak << (shift + 1)) < ((int64_t)1 << TINYML_FE_PEAK_BITS)) {
        shift++;
    }
    for (int i = 0; i < TINYML_FE_FFT_SIZE; i++) {
        re[i] = i < TINYML_FE_WINDOW ? re[i] * (1 << shift) : 0;
        im[i] = 0;
    }
    fft();
    int64_t energy[TINYML_FE_CHANNELS] = {0};
    for (int k = 0; k < TINYML_FE_BINS; k++) {
        const int segment = tinyml_fe_bin_segment[k];
        if (segment < 0) {
            continue;
        }
        const int64_t power = ((int64_t)re[k] * re[k] + (int64_t)im[k] * im[k]) >> TINYML_FE_POWER_SHIFT;
        if (segment < TINYML_FE_CHANNELS) {
            energy[segment] += power * tinyml_fe_bin_weight[k];
        }
        if (segment > 0) {
            energy[segment - 1] += power * (TINYML_FE_WEIGHT_ONE - tinyml_fe_bin_weight[k]);
        }
    }
    for (int c = 0; c < TINYML_FE_CHANNELS; c++) {
        features[c] = level(energy[c], shift);
    }
}

void tinyml_frontend_clip(const int16_t *clip, int8_t *features) {
    for (int frame = 0; frame < TINYML_FE_FRAMES; frame++) {
        tinyml_frontend_frame(clip + frame * TINYML_FE_STRIDE, features + frame * TINYML_FE_CHANNELS);
    }
}
