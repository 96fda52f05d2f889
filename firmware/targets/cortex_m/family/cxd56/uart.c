/*
 * CXD5602 (Sony Spresense) console: UART1, a PL011-style UART (apache/nuttx arch/arm/src/cxd56xx/hardware/
 * cxd56_uart.h; base 0x041AC000 = CXD56_SYS_MIRROR 0x04000000 + 0x1AC000 in cxd5602_memorymap.h), wired to the main
 * board's CP210x USB-UART on pins SPI0_CS_X (TX, pin 17) and SPI0_SCK (RX, pin 18) in their UART1 function
 * (cxd5602_pinconfig.h, PINCONFS_SPI0A_UART1). The application runs from RAM after the Spresense loader copied it
 * there, and the loader has UART1 running as its own console: its clock comes from the COM clock divider the loader
 * set, so the driver keeps the loader's baud divisors and pins, as NuttX's cxd56_lowsetup does when it finds the UART
 * enabled (cxd56_uart.c). UNVERIFIED: that the loader always leaves UART1 enabled at 115200 8N1 (NuttX's Spresense
 * console runs at 115200, and its check for an enabled UART implies it), since no Sony document was read. Bytes move
 * through pl011.c.
 */
#include "pl011.h"

#if TINYML_UART_BASE != 0x041AC000u
#error "the CXD5602 driver knows UART1 only (the Spresense console)"
#endif

void tinyml_uart_init(void)
{
    /* Disabled while the line is set, as the PL011 wants; writing LCRH also latches the loader's divisors again. */
    PL011_CR &= ~PL011_CR_UARTEN;
    PL011_LCRH = PL011_LCRH_WLEN_8 | PL011_LCRH_FEN;
    PL011_CR = PL011_CR_UARTEN | PL011_CR_TXE | PL011_CR_RXE;
}
