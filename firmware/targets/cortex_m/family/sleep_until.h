/*
 * The receive wait every board driver shares: sleep in WFI until the UART has a byte. The receive interrupt is enabled
 * in the NVIC only around WFI and with interrupts masked, so it wakes the core without a handler ever running (the
 * vector table needs no entry for it). The peripheral must hold its interrupt line up while ready() is true.
 */
#ifndef TINYML_SLEEP_UNTIL_H
#define TINYML_SLEEP_UNTIL_H

#include <stdint.h>

#define TINYML_NVIC_ISER ((volatile uint32_t *)0xE000E100u)
#define TINYML_NVIC_ICER ((volatile uint32_t *)0xE000E180u)
#define TINYML_NVIC_ICPR ((volatile uint32_t *)0xE000E280u)

static inline __attribute__((always_inline)) void tinyml_sleep_until(uint32_t irq, int (*ready)(void))
{
    const uint32_t bit = 1u << (irq % 32u);
    if (ready()) {
        return;
    }
    __asm__ volatile("cpsid i" ::: "memory");
    for (;;) {
        TINYML_NVIC_ICPR[irq / 32u] = bit;
        if (ready()) {
            break;
        }
        TINYML_NVIC_ISER[irq / 32u] = bit;
        __asm__ volatile("wfi" ::: "memory");
        TINYML_NVIC_ICER[irq / 32u] = bit;
    }
    __asm__ volatile("cpsie i" ::: "memory");
}

#endif /* TINYML_SLEEP_UNTIL_H */
