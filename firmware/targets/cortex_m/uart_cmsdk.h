/*
 * Console UART driver (uart.h) for the Arm CMSDK APB UART (the UARTs of the MPS2 FPGA images; in QEMU the "cmsdk-apb-uart"
 * device). No buffering and no interrupt handler: sending polls, receiving sleeps in WFI until the RX
 * interrupt line is pending.
 *
 * Build-time settings:
 *   TINYML_UART_BASE     register block (default 0x40004000: UART0 on mps2-an385/an386/an500,
 *                        which QEMU connects to -serial #0)
 *   TINYML_UART_RX_IRQ   NVIC line of its RX interrupt (default 0, UART0 RX on mps2; 33 on mps3-an547)
 *   TINYML_UART_CLOCK_HZ APB clock feeding the UART (default 25 MHz, the MPS2 PCLK)
 *   TINYML_UART_BAUD     line rate (uart.h, default 115200). QEMU ignores the rate, but refuses to send or
 *                        receive while BAUDDIV < 16, so BAUDDIV is always programmed >= 16.
 */
#ifndef TINYML_UART_CMSDK_H
#define TINYML_UART_CMSDK_H

#include "uart.h"

#ifndef TINYML_UART_BASE
#define TINYML_UART_BASE 0x40004000u
#endif
#ifndef TINYML_UART_RX_IRQ
#define TINYML_UART_RX_IRQ 0u
#endif
#ifndef TINYML_UART_CLOCK_HZ
#define TINYML_UART_CLOCK_HZ 25000000u
#endif

#endif /* TINYML_UART_CMSDK_H */
