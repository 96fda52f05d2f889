/*
 * The console UART as the runtime's main loop uses it (Cortex-M has its own uart.h, with a driver per build), for the
 * Xtensa and ARC runtimes: a polled 16550-compatible UART at TINYML_UART_BASE with registers 4 bytes
 * apart (uart16550.c): the 16550 of QEMU's lx60-nommu machine at 0x9D050020 (the Xtensa LX106 proxy), the 8250 of
 * arc-sim at 0x90000000; the EM SDP's DesignWare APB UART has the same layout.
 */
#ifndef TINYML_UART_H
#define TINYML_UART_H

#include <stddef.h>
#include <stdint.h>

void tinyml_uart_init(void);
void tinyml_uart_putc(uint8_t byte);
void tinyml_uart_write(const void *data, size_t n);
/* Blocks until a byte has been received. */
uint8_t tinyml_uart_getc(void);
/* frame_put_fn-compatible sink (ctx unused). */
void tinyml_uart_put_sink(void *ctx, uint8_t byte);

#endif /* TINYML_UART_H */
