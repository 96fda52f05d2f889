/* Console bytes through a PL011-style UART that the family's uart.c has set up (pl011.h). */
#include "pl011.h"

void tinyml_uart_putc(uint8_t byte)
{
    while (PL011_FR & PL011_FR_TXFF) {
    }
    PL011_DR = byte;
}

uint8_t tinyml_uart_getc(void)
{
    while (PL011_FR & PL011_FR_RXFE) {
    }
    return (uint8_t)PL011_DR; /* bits 8-11 hold framing, parity, break and overrun errors: the frame CRC judges the byte */
}

int tinyml_uart_poll(void)
{
    return (PL011_FR & PL011_FR_RXFE) ? -1 : (int)(PL011_DR & 0xFFu);
}
