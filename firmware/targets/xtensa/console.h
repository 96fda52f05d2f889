/*
 * The console over QEMU's Xtensa semihosting (the `simcall` instruction): file descriptors 0 and 1 of the sim
 * machine are its first serial port (-serial pty), so the host speaks the same framed protocol over a pty as to a
 * board's UART. Output is buffered and sent before the board waits for input, so a frame leaves in one write.
 */
#ifndef TINYML_CONSOLE_H
#define TINYML_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

void tinyml_uart_init(void);
void tinyml_uart_putc(uint8_t byte);
void tinyml_uart_write(const void *data, size_t n);
/* Sends what is buffered, then blocks until a byte has been received. */
uint8_t tinyml_uart_getc(void);
/* frame_put_fn-compatible sink (ctx unused). */
void tinyml_uart_put_sink(void *ctx, uint8_t byte);

#endif /* TINYML_CONSOLE_H */
