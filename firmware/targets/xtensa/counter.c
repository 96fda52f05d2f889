/* CCOUNT, the core's cycle counter; QEMU derives it from the virtual clock (see ../portable/cycles.h). */
#include "cycles.h"

/* CCOUNT runs from reset. */
void tinyml_counter_init(void)
{
}

uint32_t tinyml_counter_now(void)
{
    uint32_t ticks;
    __asm__ volatile("rsr.ccount %0" : "=r"(ticks));
    return ticks;
}
