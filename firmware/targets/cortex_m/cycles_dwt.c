/*
 * The counter of cycles.h on a real Cortex-M4/M7: the DWT cycle counter, which counts core clock cycles. Real boards
 * report cycles, the QEMU proxies (cycles.c) instructions. CYCCNT is 32 bits wide and is not extended: a measurement
 * is exact up to 2^32 cycles (67 s at 64 MHz, 36 s at 120 MHz) and taken modulo 2^32 beyond.
 *
 * Registers (ARMv7-M Architecture Reference Manual): DEMCR 0xE000EDFC, TRCENA bit 24; DWT_CTRL 0xE0001000,
 * CYCCNTENA bit 0; DWT_CYCCNT 0xE0001004; DWT_LAR 0xE0001FB0 (CoreSight lock access; the Cortex-M7 keeps the DWT
 * locked until 0xC5ACCE55 is written there, the M4 ignores the write).
 */
#include "cycles.h"

#define DEMCR (*(volatile uint32_t *)0xE000EDFCu)
#define DWT_CTRL (*(volatile uint32_t *)0xE0001000u)
#define DWT_CYCCNT (*(volatile uint32_t *)0xE0001004u)
#define DWT_LAR (*(volatile uint32_t *)0xE0001FB0u)

#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL_CYCCNTENA (1u << 0)
#define DWT_UNLOCK 0xC5ACCE55u

static uint32_t s_overhead;

uint64_t tinyml_cycles_ticks(void)
{
    return DWT_CYCCNT;
}

static uint32_t measure_raw(void (*fn)(void))
{
    uint32_t start = DWT_CYCCNT;
    fn();
    return DWT_CYCCNT - start;
}

static void __attribute__((noinline)) empty_function(void)
{
    __asm__ volatile("" ::: "memory");
}

uint32_t tinyml_cycles_measure(void (*fn)(void))
{
    uint32_t raw = measure_raw(fn);
    return raw <= s_overhead ? 0u : raw - s_overhead;
}

void tinyml_cycles_init(void)
{
    uint32_t best = 0xFFFFFFFFu;
    int i;

    DEMCR |= DEMCR_TRCENA;
    DWT_LAR = DWT_UNLOCK;
    DWT_CYCCNT = 0;
    DWT_CTRL |= DWT_CTRL_CYCCNTENA;
    /* Caches and flash wait states make the first calls slower: the cheapest of a few is the fixed cost. */
    for (i = 0; i < 4; i++) {
        uint32_t raw = measure_raw(empty_function);
        if (raw < best) {
            best = raw;
        }
    }
    s_overhead = best;
}
