/* 16550 registers (see uart.h): RBR/THR at 0, LCR at 3, LSR at 5 (bit 0 data ready, bit 5 transmit holding register empty). */
#include "uart.h"

#define REG(n) (*(volatile uint32_t *)(TINYML_UART_BASE + 4u * (n)))
#define RBR_THR 0
#define LCR 3
#define LSR 5
#define LCR_8N1 0x03u
#define LSR_DATA_READY 0x01u
#define LSR_THR_EMPTY 0x20u

void tinyml_uart_init(void)
{
    REG(LCR) = LCR_8N1;
}

void tinyml_uart_putc(uint8_t byte)
{
    while (!(REG(LSR) & LSR_THR_EMPTY)) {
    }
    REG(RBR_THR) = byte;
}

void tinyml_uart_write(const void *data, size_t n)
{
    const uint8_t *bytes = data;
    while (n--) {
        tinyml_uart_putc(*bytes++);
    }
}

uint8_t tinyml_uart_getc(void)
{
    while (!(REG(LSR) & LSR_DATA_READY)) {
    }
    return (uint8_t)REG(RBR_THR);
}

void tinyml_uart_put_sink(void *ctx, uint8_t byte)
{
    (void)ctx;
    tinyml_uart_putc(byte);
}
