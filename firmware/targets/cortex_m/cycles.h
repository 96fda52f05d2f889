/*
 * Instruction counting with SysTick.
 *
 * QEMU models no cycle counter for Cortex-M, but with `-icount shift=0` its virtual clock advances by
 * exactly 1 ns per executed guest instruction, and SysTick (CLKSOURCE = processor clock) counts that
 * virtual clock. On mps2-an385/an386 the processor clock is 25 MHz, so one SysTick tick = 40 ns =
 * 40 instructions, deterministically. TINYML_INSNS_PER_TICK states that ratio at compile time; the
 * QEMU smoke test (test/run_qemu_smoke.sh) calibrates it against a loop of known length.
 *
 * Resolution: a plain read of SysTick before and after only resolves whole ticks (40 instructions).
 * When TINYML_CYCLES_VERNIER is 1 (the default when the ratio is >= 12) both ends of a measurement
 * are aligned to tick edges with a vernier loop whose period is one instruction longer than
 * floor(ratio), which recovers the exact instruction count (see cycles.c), fractional ratios
 * included. On real silicon SysTick counts cycles, not instructions: a real board's build (the Makefile's
 * FAMILY) links cycles_dwt.c instead, which implements this API with the DWT cycle counter.
 *
 * Long runs: SysTick is 24 bits wide (2^24 ticks = 671 M instructions at 40/tick); wrap-arounds are
 * counted by the SysTick exception, so counts up to 2^32 - 1 are exact. The few instructions of a
 * wrap-around exception taken during a measurement are counted too.
 */
#ifndef TINYML_CYCLES_H
#define TINYML_CYCLES_H

#include <stdint.h>

#ifndef TINYML_INSNS_PER_TICK
/* mps2-an385/an386/an500 under `-icount shift=0`: 25 MHz SysTick clock, 1 ns per instruction -> 40. */
#define TINYML_INSNS_PER_TICK 40u
#endif
#ifndef TINYML_INSNS_PER_TICK_DEN
/* The ratio is TINYML_INSNS_PER_TICK / TINYML_INSNS_PER_TICK_DEN, for clocks that do not divide
 * 1 GHz: mps3-an547's 32 MHz gives 31.25 = 125 / 4. */
#define TINYML_INSNS_PER_TICK_DEN 1u
#endif

#ifndef TINYML_CYCLES_VERNIER
#if TINYML_INSNS_PER_TICK >= 12u * TINYML_INSNS_PER_TICK_DEN
#define TINYML_CYCLES_VERNIER 1
#else
#define TINYML_CYCLES_VERNIER 0
#endif
#endif

/* Starts SysTick (reload 0xFFFFFF, processor clock, wrap interrupt) and measures the fixed cost of
 * a measurement around an empty function, which tinyml_cycles_measure subtracts. */
void tinyml_cycles_init(void);

/* Monotonic SysTick tick count since tinyml_cycles_init (including wrap-arounds). */
uint64_t tinyml_cycles_ticks(void);

/* Runs fn once and returns the instructions it executed beyond those of an empty function (so the
 * call and return are not counted), saturated to UINT32_MAX. */
uint32_t tinyml_cycles_measure(void (*fn)(void));

#endif /* TINYML_CYCLES_H */
