/*
 * Driver for the Arm CMSDK APB UART (the UARTs of the MPS2 FPGA images; in QEMU the "cmsdk-apb-uart"
 * device). No buffering and no interrupt handler: sending polls, receiving sleeps in WFI until the RX
 * interrupt line is pending.
 *
 * Build-time settings:
 *   TINYML_UART_BASE     register block (default 0x40004000: UART0 on mps2-an385/an386/an500,
 *                        which QEMU connects to -serial #0)
 *   TINYML_UART_RX_IRQ   NVIC line of its RX interrupt (default 0, UART0 RX on mps2; 33 on mps3-an547)
 *   TINYML_UART_CLOCK_HZ APB clock feeding the UART (default 25 MHz, the MPS2 PCLK)
 *   TINYML_UART_BAUD     line rate (default 115200). QEMU ignores the rate, but refuses to send or
 *                        receive while BAUDDIV < 16, so BAUDDIV is always programmed >= 16.
 */
#ifndef TINYML_UART_CMSDK_H
#define TINYML_UART_CMSDK_H

#include <stddef.h>
#include <stdint.h>

#ifndef TINYML_UART_BASE
#define TINYML_UART_BASE 0x40004000u
#endif
#ifndef TINYML_UART_RX_IRQ
#define TINYML_UART_RX_IRQ 0u
#endif
#ifndef TINYML_UART_CLOCK_HZ
#define TINYML_UART_CLOCK_HZ 25000000u
#endif
#ifndef TINYML_UART_BAUD
#define TINYML_UART_BAUD 115200u
#endif

void tinyml_uart_init(void);
/* Blocks while the transmit holding register is full. */
void tinyml_uart_putc(uint8_t byte);
void tinyml_uart_write(const void *data, size_t n);
/* Blocks until a byte has been received. */
uint8_t tinyml_uart_getc(void);
/* Returns the received byte, or -1 if none is waiting. */
int tinyml_uart_poll(void);
/* frame_put_fn-compatible sink (ctx unused). */
void tinyml_uart_put_sink(void *ctx, uint8_t byte);

#endif /* TINYML_UART_CMSDK_H */
