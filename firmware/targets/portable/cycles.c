/* Tick counter to instructions; see cycles.h for why rounding gives exact counts. */
#include "cycles.h"

static uint32_t s_overhead;

static uint32_t instructions(uint32_t ticks)
{
    return (uint32_t)(((uint64_t)ticks * TINYML_INSNS_PER_TICK + TINYML_INSNS_PER_TICK_DEN / 2u) /
                      TINYML_INSNS_PER_TICK_DEN);
}

static uint32_t measure_raw(void (*fn)(void))
{
    uint32_t start = tinyml_counter_now();
    fn();
    return instructions(tinyml_counter_now() - start);
}

static void __attribute__((noinline)) empty_function(void)
{
    __asm__ volatile("" ::: "memory");
}

uint32_t tinyml_cycles_measure(void (*fn)(void))
{
    uint32_t raw = measure_raw(fn);
    return raw > s_overhead ? raw - s_overhead : 0u;
}

void tinyml_cycles_init(void)
{
    s_overhead = measure_raw(empty_function);
}
