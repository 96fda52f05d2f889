/*
 * The console UART as the runtime uses it. One driver implements it per build: uart_cmsdk.c for the QEMU proxies,
 * family/<family>/uart.c for a real board (the Makefile's FAMILY). No driver keeps a receive buffer: the host sends a
 * frame only after the answer to the previous one, and the firmware takes each byte long before the next one has
 * arrived at 115200 baud.
 */
#ifndef TINYML_UART_H
#define TINYML_UART_H

#include <stddef.h>
#include <stdint.h>

#ifndef TINYML_UART_BAUD
#define TINYML_UART_BAUD 115200u
#endif

/* Also called by the fault handler, which may run before main did: must work when called twice. */
void tinyml_uart_init(void);
/* Blocks while the transmitter cannot take the byte. */
void tinyml_uart_putc(uint8_t byte);
void tinyml_uart_write(const void *data, size_t n);
/* Blocks until a byte has been received. */
uint8_t tinyml_uart_getc(void);
/* Returns the received byte, or -1 if none is waiting. */
int tinyml_uart_poll(void);
/* frame_put_fn-compatible sink (ctx unused). */
void tinyml_uart_put_sink(void *ctx, uint8_t byte);

#endif /* TINYML_UART_H */
