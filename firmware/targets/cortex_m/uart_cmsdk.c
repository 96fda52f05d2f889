/* Polled CMSDK APB UART driver; register layout from the Arm CMSDK technical reference (UART). */
#include "uart_cmsdk.h"

typedef struct {
    volatile uint32_t data;     /* 0x00 RW: [7:0] data */
    volatile uint32_t state;    /* 0x04 RW: bit0 TX full, bit1 RX full, bit2 TX overrun, bit3 RX overrun */
    volatile uint32_t ctrl;     /* 0x08 RW: bit0 TX enable, bit1 RX enable, bits2-5 interrupt enables */
    volatile uint32_t intstat;  /* 0x0C R: interrupt status / W: clear */
    volatile uint32_t bauddiv;  /* 0x10 RW: [19:0] divider, must be >= 16 */
} cmsdk_uart_regs;

#define UART ((cmsdk_uart_regs *)TINYML_UART_BASE)

#define STATE_TX_FULL 0x1u
#define STATE_RX_FULL 0x2u
#define STATE_OVERRUNS 0xCu
#define CTRL_TX_EN 0x1u
#define CTRL_RX_EN 0x2u
#define CTRL_RX_INT_EN 0x8u
#define INT_RX 0x2u

#define NVIC_ISER ((volatile uint32_t *)0xE000E100u)
#define NVIC_ICER ((volatile uint32_t *)0xE000E180u)
#define NVIC_ICPR ((volatile uint32_t *)0xE000E280u)

#define BAUDDIV_RAW (TINYML_UART_CLOCK_HZ / TINYML_UART_BAUD)
#define BAUDDIV (BAUDDIV_RAW < 16u ? 16u : BAUDDIV_RAW)

void tinyml_uart_init(void)
{
    UART->ctrl = 0;
    UART->bauddiv = BAUDDIV;
    UART->state = STATE_OVERRUNS; /* write-one-to-clear */
    UART->intstat = 0xFu;
    UART->ctrl = CTRL_TX_EN | CTRL_RX_EN | CTRL_RX_INT_EN;
}

void tinyml_uart_putc(uint8_t byte)
{
    while (UART->state & STATE_TX_FULL) {
    }
    UART->data = byte;
}

void tinyml_uart_write(const void *data, size_t n)
{
    const uint8_t *p = (const uint8_t *)data;
    while (n--) {
        tinyml_uart_putc(*p++);
    }
}

uint8_t tinyml_uart_getc(void)
{
    /*
     * Sleep instead of polling the status register: in QEMU every poll is an MMIO access that competes with the
     * thread delivering the next byte, which made a 9 KiB input take seconds. The RX interrupt is enabled in the
     * NVIC only around WFI and with interrupts masked, so it wakes the core without a handler ever running;
     * SysTick, pending meanwhile, is taken after `cpsie`.
     */
    if (!(UART->state & STATE_RX_FULL)) {
        const uint32_t bit = 1u << (TINYML_UART_RX_IRQ % 32u);
        __asm__ volatile("cpsid i" ::: "memory");
        for (;;) {
            UART->intstat = INT_RX;
            NVIC_ICPR[TINYML_UART_RX_IRQ / 32u] = bit;
            if (UART->state & STATE_RX_FULL) {
                break;
            }
            NVIC_ISER[TINYML_UART_RX_IRQ / 32u] = bit;
            __asm__ volatile("wfi" ::: "memory");
            NVIC_ICER[TINYML_UART_RX_IRQ / 32u] = bit;
        }
        __asm__ volatile("cpsie i" ::: "memory");
    }
    return (uint8_t)UART->data;
}

int tinyml_uart_poll(void)
{
    if (!(UART->state & STATE_RX_FULL)) {
        return -1;
    }
    return (int)(UART->data & 0xFFu);
}

void tinyml_uart_put_sink(void *ctx, uint8_t byte)
{
    (void)ctx;
    tinyml_uart_putc(byte);
}
