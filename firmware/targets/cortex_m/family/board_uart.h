/*
 * What a board's descriptor tells its family's UART driver (boards/<id>.yaml, device.console; the firmware builder
 * passes them to make): the register block and the pins as port * 32 + pin (P1.03 = 35, PB16 = 48, PA9 = 9). The
 * STM32F7 also needs the pins' alternate function, the SAMD51 their multiplexer function (A = 0 ... N = 13) and the
 * SERCOM pad of RX; TX is always on PAD0.
 */
#ifndef TINYML_BOARD_UART_H
#define TINYML_BOARD_UART_H

#include "uart.h"

#if !defined(TINYML_UART_BASE) || !defined(TINYML_UART_TX_PIN) || !defined(TINYML_UART_RX_PIN)
#error "a board build needs TINYML_UART_BASE, TINYML_UART_TX_PIN and TINYML_UART_RX_PIN"
#endif

#define TINYML_PIN_PORT(pin) ((pin) / 32u)
#define TINYML_PIN_INDEX(pin) ((pin) % 32u)
#define TINYML_REG32(address) (*(volatile uint32_t *)(address))

#endif /* TINYML_BOARD_UART_H */
