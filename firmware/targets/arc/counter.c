/* TIMER0 (auxiliary registers COUNT0, CONTROL0, LIMIT0), counting up to the largest limit; see ../portable/cycles.h. */
#include "cycles.h"

#define AUX_COUNT0 0x21
#define AUX_CONTROL0 0x22
#define AUX_LIMIT0 0x23

void tinyml_counter_init(void)
{
    __builtin_arc_sr(0, AUX_CONTROL0); /* no interrupt */
    __builtin_arc_sr(0xFFFFFFFFu, AUX_LIMIT0);
    __builtin_arc_sr(0, AUX_COUNT0);
}

uint32_t tinyml_counter_now(void)
{
    return __builtin_arc_lr(AUX_COUNT0);
}
