/*
 * Cortex-M startup: vector table, reset handler and fault handlers, in C.
 *
 * Symbols from the linker script (link.ld.in): __stack_bottom, __stack_top, __data_load, __data_start,
 * __data_end, __bss_start, __bss_end.
 */
#include <stdint.h>

#include "frame.h"
#include "uart_cmsdk.h"

#ifndef TINYML_NUM_IRQS
/* External interrupt lines in the vector table (the NVIC of QEMU's MPS2 images has 32). */
#define TINYML_NUM_IRQS 32
#endif

#define SCB_VTOR (*(volatile uint32_t *)0xE000ED08u)
#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)

extern uint32_t __stack_bottom;
extern uint32_t __stack_top;
extern uint32_t __data_load;
extern uint32_t __data_start;
extern uint32_t __data_end;
extern uint32_t __bss_start;
extern uint32_t __bss_end;

int main(void);

void Reset_Handler(void);
void NMI_Handler(void);
void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);
void Default_Handler(void);
void tinyml_reset(void);
void tinyml_fault(uint32_t which, uint32_t sp);

/* Optional handlers: a definition elsewhere (cycles.c defines SysTick_Handler) replaces these. */
void SVC_Handler(void) __attribute__((weak, alias("Default_Handler")));
void DebugMon_Handler(void) __attribute__((weak, alias("Default_Handler")));
void PendSV_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Default_Handler")));

typedef union {
    void (*handler)(void);
    uint32_t *stack;
} vector_entry;

__attribute__((section(".vectors"), used)) const vector_entry tinyml_vectors[16 + TINYML_NUM_IRQS] = {
    [0] = {.stack = &__stack_top},
    [1] = {.handler = Reset_Handler},
    [2] = {.handler = NMI_Handler},
    [3] = {.handler = HardFault_Handler},
    [4] = {.handler = MemManage_Handler},
    [5] = {.handler = BusFault_Handler},
    [6] = {.handler = UsageFault_Handler},
    [11] = {.handler = SVC_Handler},
    [12] = {.handler = DebugMon_Handler},
    [14] = {.handler = PendSV_Handler},
    [15] = {.handler = SysTick_Handler},
    [16 ... 16 + TINYML_NUM_IRQS - 1] = {.handler = Default_Handler},
};

/* Reset: load the stack pointer from the linker script (a bootloader or debugger may have jumped here
 * without loading it from the vector table), then continue in C. */
__attribute__((naked, noreturn)) void Reset_Handler(void)
{
    __asm__ volatile(
        "ldr r0, =__stack_top\n"
        "mov sp, r0\n"
        "b   tinyml_reset\n");
}

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

#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__) || \
    defined(__ARM_ARCH_8_1M_MAIN__)
    SCB_VTOR = (uint32_t)(uintptr_t)tinyml_vectors;
#endif
#if defined(__ARM_FP)
    /* M4F/M7/M33/M55 with an FPU: full access to CP10 and CP11, before any FP instruction. */
    SCB_CPACR |= (0xFu << 20);
    __asm__ volatile("dsb\n isb" ::: "memory");
#endif

    (void)main();
    for (;;) {
    }
}

/* Faults: report over the UART in an ERROR frame, then spin. The entry stub hands over the stack
 * pointer as the fault left it, then moves it back to the top of the stack, since the fault may have
 * been a stack overflow: the stack sits at the bottom of RAM (link.ld.in), so overflowing it means
 * accessing memory below RAM, which faults (also on QEMU's MPS2 machines). */
#define FAULT_ENTRY(name, code)                                                                   \
    __attribute__((naked)) void name(void)                                                        \
    {                                                                                             \
        __asm__ volatile("mov r1, sp\n"                                                           \
                         "ldr r0, =__stack_top\n"                                                 \
                         "mov sp, r0\n"                                                           \
                         "movs r0, #" #code "\n"                                                  \
                         "b   tinyml_fault\n");                                                   \
    }

FAULT_ENTRY(NMI_Handler, 0)
FAULT_ENTRY(HardFault_Handler, 1)
FAULT_ENTRY(MemManage_Handler, 2)
FAULT_ENTRY(BusFault_Handler, 3)
FAULT_ENTRY(UsageFault_Handler, 4)
FAULT_ENTRY(Default_Handler, 5)

static const char *const FAULT_TEXT[] = {
    "nmi", "hard fault", "memmanage fault", "bus fault", "usage fault", "unexpected interrupt",
};

/* A fault taken with the stack pointer this close to (or below) the bottom of the stack is blamed on
 * the stack: the exception entry itself stacks 32 bytes (104 with FP state) below the faulting SP. */
#define STACK_OVERFLOW_MARGIN 64u

__attribute__((noreturn, used)) void tinyml_fault(uint32_t which, uint32_t sp)
{
    frame_writer w;
    const char *text = FAULT_TEXT[which < 6u ? which : 1u];
    const char *end;
    uint8_t code = FRAME_ERR_FAULT;

    __asm__ volatile("cpsid i" ::: "memory");
    if (which != 0u && which != 5u && sp < (uint32_t)(uintptr_t)&__stack_bottom + STACK_OVERFLOW_MARGIN) {
        text = "stack overflow";
        code = FRAME_ERR_STACK_OVERFLOW;
    }
    for (end = text; *end; end++) {
    }
    tinyml_uart_init(); /* the fault may have come before main initialised it */
    frame_writer_begin(&w, tinyml_uart_put_sink, 0, FRAME_TYPE_ERROR, 1u + (size_t)(end - text));
    frame_writer_write(&w, &code, 1);
    frame_writer_write(&w, text, (size_t)(end - text));
    frame_writer_end(&w);
    for (;;) {
    }
}
