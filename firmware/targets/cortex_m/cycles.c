/*
 * SysTick-based instruction counter. See cycles.h for the principle.
 *
 * Vernier alignment (exact counts under QEMU -icount). Let R = TINYML_INSNS_PER_TICK /
 * TINYML_INSNS_PER_TICK_DEN instructions per tick and P = floor(R) + 1, so 0 < P - R <= 1. A loop
 * that reads SysTick once every P instructions sees the tick index advance by 1 per pass, except
 * when the previous read fell in the last P - R instructions of a tick: then it advances by 2, and
 * the read that saw it lies in the first P - R (<= 1) instructions of tick k. Being an instruction
 * boundary, that read happened exactly at instruction ceil(k * R + phase) (counting from SysTick's
 * start; phase is a constant of the emulator, see TINYML_TICK_PHASE).
 * Both ends of a measurement are aligned this way:
 *
 *   start: spin until a double step              -> instruction ceil(a * R + phase)
 *   run fn
 *   end:   spin until a double step, m passes    -> instruction ceil(b * R + phase)
 *
 * so the difference = (instructions of fn) + P * m + constant, with no rounding left.
 * The constant is measured once with an empty function. Each spin costs at most about
 * R / (P - R) passes of P instructions (41 x 41 at R = 40), outside the counted window.
 */
#include "cycles.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)

#define CSR_ENABLE (1u << 0)
#define CSR_TICKINT (1u << 1)
#define CSR_CLKSOURCE_CPU (1u << 2)
#define ICSR_PENDSTSET (1u << 26)

#define SYSTICK_MASK 0x00FFFFFFu
#define SYSTICK_HALF 0x00800000u /* reload 0xFFFFFF counts 2^24 ticks per wrap */

#define RATIO_NUM ((uint64_t)TINYML_INSNS_PER_TICK)
#define RATIO_DEN ((uint64_t)TINYML_INSNS_PER_TICK_DEN)
/* Fractional ratios only (irrelevant when TINYML_INSNS_PER_TICK_DEN is 1): where, in 1/DEN of an
 * instruction, a tick starts relative to the instruction grid, as QEMU's SysTick model places it.
 * DEN / 2 makes every count exact on QEMU 7.2 mps3-an547 (R = 125/4), checked with loops of 2,001,
 * 2,007 and 200,001 instructions at every start phase; 0 or 3 err by one instruction. */
#ifndef TINYML_TICK_PHASE
#define TINYML_TICK_PHASE (TINYML_INSNS_PER_TICK_DEN / 2u)
#endif

static volatile uint32_t s_wraps;
static uint32_t s_overhead;

void SysTick_Handler(void);
void SysTick_Handler(void)
{
    s_wraps++;
}

uint64_t tinyml_cycles_ticks(void)
{
    uint32_t w, v, pending;
    do {
        w = s_wraps;
        v = SYST_CVR;
        pending = SCB_ICSR & ICSR_PENDSTSET;
    } while (w != s_wraps);
    /* The counter reloaded but the wrap exception has not run yet. */
    if (pending && v >= SYSTICK_HALF) {
        w++;
    }
    return ((uint64_t)w << 24) + (SYSTICK_MASK - v);
}

/* First instruction boundary at or after the start of tick k: ceil(k * R + phase). */
static uint64_t instruction_at_tick(uint64_t k)
{
    return (k * RATIO_NUM + TINYML_TICK_PHASE + RATIO_DEN - 1u) / RATIO_DEN;
}

#if TINYML_CYCLES_VERNIER

#define VERNIER_PERIOD (TINYML_INSNS_PER_TICK / TINYML_INSNS_PER_TICK_DEN + 1u)

/* Spins until two reads VERNIER_PERIOD instructions apart differ by two ticks. Returns the last
 * value read; *iterations counts the passes that did not exit. Every non-exiting pass executes
 * exactly VERNIER_PERIOD instructions: ldr, subs, mov, lsls, cmp, beq (not taken), adds,
 * VERNIER_PERIOD - 8 nops, b. Only low registers and 16-bit encodings: valid on ARMv6-M too. */
static inline __attribute__((always_inline)) uint32_t align_to_tick(uint32_t *iterations)
{
    uint32_t prev, cur, diff, count = 0;
    const uint32_t two_ticks = 2u << 8; /* the difference, shifted left by 8 to drop bits 24..31 */
    __asm__ volatile(
        ".syntax unified\n" /* GCC hands ARMv6-M inline asm over in divided syntax */
        "ldr   %[prev], [%[cvr]]\n"
        "1:\n"
        "ldr   %[cur], [%[cvr]]\n"
        "subs  %[diff], %[prev], %[cur]\n"
        "mov   %[prev], %[cur]\n"
        "lsls  %[diff], %[diff], #8\n"
        "cmp   %[diff], %[two]\n"
        "beq   2f\n"
        "adds  %[count], %[count], #1\n"
        ".rept %c[pad]\n"
        "nop\n"
        ".endr\n"
        "b     1b\n"
        "2:\n"
        : [prev] "=&l"(prev), [cur] "=&l"(cur), [diff] "=&l"(diff), [count] "+l"(count)
        : [cvr] "l"(&SYST_CVR), [two] "l"(two_ticks), [pad] "i"(VERNIER_PERIOD - 8u)
        : "cc", "memory");
    *iterations = count;
    return cur;
}

/* The absolute tick index whose SysTick value is `value`, given a coarse index read close to it:
 * the index congruent to 0xFFFFFF - value (mod 2^24) nearest to `near`. */
static uint64_t tick_index(uint32_t value, uint64_t near)
{
    uint32_t low = (SYSTICK_MASK - value) & SYSTICK_MASK;
    return (uint64_t)low + ((near - low + SYSTICK_HALF) & ~(uint64_t)SYSTICK_MASK);
}

static uint64_t measure_raw(void (*fn)(void))
{
    uint32_t start_value, end_value, ignored, m;
    uint64_t coarse0, coarse1, a, b;

    coarse0 = tinyml_cycles_ticks();
    start_value = align_to_tick(&ignored);
    fn();
    end_value = align_to_tick(&m);
    coarse1 = tinyml_cycles_ticks();

    a = tick_index(start_value, coarse0);
    b = tick_index(end_value, coarse1);
    return instruction_at_tick(b) - instruction_at_tick(a) - (uint64_t)m * VERNIER_PERIOD;
}

#else /* whole ticks only */

static uint64_t measure_raw(void (*fn)(void))
{
    uint64_t t0 = tinyml_cycles_ticks();
    fn();
    return instruction_at_tick(tinyml_cycles_ticks()) - instruction_at_tick(t0);
}

#endif

static void __attribute__((noinline)) empty_function(void)
{
    __asm__ volatile("" ::: "memory");
}

uint32_t tinyml_cycles_measure(void (*fn)(void))
{
    uint64_t raw = measure_raw(fn);
    if (raw <= s_overhead) {
        return 0;
    }
    raw -= s_overhead;
    return raw > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)raw;
}

void tinyml_cycles_init(void)
{
    uint64_t best = ~(uint64_t)0;
    int i;

    SYST_CSR = 0;
    SYST_RVR = SYSTICK_MASK;
    SYST_CVR = 0; /* any write clears the counter and COUNTFLAG */
    s_wraps = 0;
    SYST_CSR = CSR_CLKSOURCE_CPU | CSR_TICKINT | CSR_ENABLE;

    /* Exact under the vernier, so every run agrees; without it, the minimum of a few runs. */
    for (i = 0; i < 4; i++) {
        uint64_t raw = measure_raw(empty_function);
        if (raw < best) {
            best = raw;
        }
    }
    s_overhead = (uint32_t)best;
}
