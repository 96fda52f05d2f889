/*
 * After the target's _start (its startup.S set the stack pointer): .data copied from flash, .bss cleared, the
 * core's counter started, then main. Symbols from the target's link.ld.in.
 */
#include <stdint.h>

#include "cycles.h"

extern uint32_t __data_load;
extern uint32_t __data_start;
extern uint32_t __data_end;
extern uint32_t __bss_start;
extern uint32_t __bss_end;

int main(void);
void tinyml_reset(void);

/* Compiled so that GCC does not turn the copy loops into memcpy/memset calls. */
__attribute__((noreturn, used, optimize("no-tree-loop-distribute-patterns"))) void tinyml_reset(void)
{
    uint32_t *src = &__data_load;
    uint32_t *dst = &__data_start;
    while (dst < &__data_end) {
        *dst++ = *src++;
    }
    for (dst = &__bss_start; dst < &__bss_end; dst++) {
        *dst = 0;
    }
    tinyml_counter_init();
    (void)main();
    for (;;) {
    }
}
