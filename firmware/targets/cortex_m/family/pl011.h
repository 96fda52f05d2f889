/*
 * The data path of ARM's PL011 UART, which the Apollo3 UART0 and the CXD5602 UART1 share (Ambiq's apollo3.h,
 * apache/nuttx arch/arm/src/cxd56xx/hardware/cxd56_uart.h): DR 0x00, FR 0x18 with RXFE bit 4 and TXFF bit 5, IBRD
 * 0x24, FBRD 0x28, LCRH 0x2C with FEN bit 4 and WLEN bits 5-6, CR 0x30 with UARTEN bit 0, TXE bit 8, RXE bit 9. Each
 * family's uart.c powers, clocks and enables its UART; pl011.c moves the bytes.
 */
#ifndef TINYML_PL011_H
#define TINYML_PL011_H

#include "board_uart.h"

#define PL011(offset) TINYML_REG32(TINYML_UART_BASE + (offset))
#define PL011_DR PL011(0x00u)
#define PL011_FR PL011(0x18u)
#define PL011_IBRD PL011(0x24u)
#define PL011_FBRD PL011(0x28u)
#define PL011_LCRH PL011(0x2Cu)
#define PL011_CR PL011(0x30u)
#define PL011_FR_RXFE (1u << 4)
#define PL011_FR_TXFF (1u << 5)
#define PL011_LCRH_FEN (1u << 4)
#define PL011_LCRH_WLEN_8 (3u << 5)
#define PL011_CR_UARTEN (1u << 0)
#define PL011_CR_TXE (1u << 8)
#define PL011_CR_RXE (1u << 9)

#endif /* TINYML_PL011_H */
