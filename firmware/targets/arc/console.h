/*
 * Polled 16550-compatible UART (arc-sim's 8250 at TINYML_UART_BASE, registers 4 bytes apart, as the DesignWare APB
 * UART of the EM SDP has them too).
 */
#ifndef TINYML_CONSOLE_H
#define TINYML_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

void tinyml_uart_init(void);
void tinyml_uart_putc(uint8_t byte);
void tinyml_uart_write(const void *data, size_t n);
/* Blocks until a byte has been received. */
uint8_t tinyml_uart_getc(void);
/* frame_put_fn-compatible sink (ctx unused). */
void tinyml_uart_put_sink(void *ctx, uint8_t byte);

#endif /* TINYML_CONSOLE_H */
