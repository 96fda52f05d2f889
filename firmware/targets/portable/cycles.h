/*
 * Instruction counting for the targets whose core has a free-running tick counter that QEMU advances from its
 * virtual clock (Xtensa CCOUNT, ARC TIMER0). Under `-icount shift=S` every instruction takes 2^S ns of virtual
 * time, so the counter advances by 2^S * f / 1e9 ticks per instruction (f: the counter's clock). With more than
 * two ticks per instruction the two truncations at the ends of a measurement (each under one tick) cannot move
 * the rounded quotient, so ticks / (ticks per instruction), rounded, is the exact instruction count; no vernier
 * loop is needed as on Cortex-M, whose SysTick ticks slower than instructions.
 *
 * TINYML_INSNS_PER_TICK / TINYML_INSNS_PER_TICK_DEN is instructions per tick (e.g. 25/64 for CCOUNT at 40 MHz
 * under shift=6); the target supplies tinyml_counter_now(). The 32-bit counter wraps after 2^32 ticks
 * (1.6 G instructions at 2.56 ticks each); a measurement must stay shorter.
 */
#ifndef TINYML_CYCLES_H
#define TINYML_CYCLES_H

#include <stdint.h>

#ifndef TINYML_INSNS_PER_TICK
#error "define TINYML_INSNS_PER_TICK and TINYML_INSNS_PER_TICK_DEN (instructions per counter tick)"
#endif

/* The target's free-running counter: started once before main, then read. */
void tinyml_counter_init(void);
uint32_t tinyml_counter_now(void);

/* Measures the fixed cost of a measurement around an empty function, which tinyml_cycles_measure subtracts. */
void tinyml_cycles_init(void);

/* Runs fn once and returns the instructions it executed beyond those of an empty function. */
uint32_t tinyml_cycles_measure(void (*fn)(void));

#endif /* TINYML_CYCLES_H */
