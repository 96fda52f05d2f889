/* The parts of the console UART API (uart.h) that every board driver builds on its own putc. */
#include "uart.h"

void tinyml_uart_write(const void *data, size_t n)
{
    const uint8_t *p = (const uint8_t *)data;
    while (n--) {
        tinyml_uart_putc(*p++);
    }
}

void tinyml_uart_put_sink(void *ctx, uint8_t byte)
{
    (void)ctx;
    tinyml_uart_putc(byte);
}
