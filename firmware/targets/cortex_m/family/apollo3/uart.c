/*
 * Apollo3 console: UART0, Ambiq's PL011-style UART, at 115200 8N1 with its FIFOs on, clocked at 24 MHz (CLKSEL 1)
 * from the 48 MHz HFRC the core runs on after reset. The UART sits in a power domain of its own, switched on first.
 * Pins are pads (PAD48 = 48); a pad's function number (FNCSEL) comes from the board descriptor: UART0TX on pad 48 and
 * UART0RX on pad 49 are both function 0.
 *
 * Addresses and fields as Ambiq's CMSIS header spells them (CMSIS/AmbiqMicro/Include/apollo3.h, in
 * sparkfun/AmbiqSuiteSDK): PWRCTRL 0x40021000 (DEVPWREN 0x08, PWRUART0 bit 7; DEVPWRSTATUS 0x18, HCPA bit 2); UART0
 * 0x4001C000, the PL011 registers of pl011.h plus Ambiq's CR fields CLKEN bit 3 and CLKSEL bits 4-6; GPIO 0x40010000
 * (PADREGA.. at 0x00, one byte per pad with INPEN bit 1 and FNCSEL bits 3-5; PADKEY 0x60, key 0x73). Bytes move
 * through pl011.c.
 */
#include "pl011.h"

#ifndef TINYML_UART_PIN_FUNCTION
#error "the Apollo3 driver needs TINYML_UART_PIN_FUNCTION, the pads' FNCSEL (0 for UART0 on pads 48/49)"
#endif

#define PWRCTRL_DEVPWREN TINYML_REG32(0x40021008u)
#define PWRCTRL_DEVPWRSTATUS TINYML_REG32(0x40021018u)
#if TINYML_UART_BASE == 0x4001C000u
#define DEVPWR_UART (1u << 7)
#define DEVPWRSTATUS_HCPA (1u << 2) /* the peripheral domain UART0 is in */
#else
#error "the Apollo3 driver knows UART0 only"
#endif

#define CR_CLKEN (1u << 3)
#define CR_CLKSEL_24MHZ (1u << 4)
#define UART_CLOCK_HZ 24000000u

/* Baud divisor in 64ths: 24 MHz / (16 * 115200) = 13 + 1/64. */
#define DIVISOR_64THS (((uint64_t)UART_CLOCK_HZ * 64u + 8u * TINYML_UART_BAUD) / (16u * TINYML_UART_BAUD))

#define GPIO_PADREG(pad) TINYML_REG32(0x40010000u + 4u * ((pad) / 4u)) /* four pads a register, a byte each */
#define PADREG_SHIFT(pad) (8u * ((pad) % 4u))
#define GPIO_PADKEY TINYML_REG32(0x40010060u)
#define PADKEY_UNLOCK 0x73u
#define PADREG_INPEN (1u << 1)
#define PADREG_FNCSEL_SHIFT 3u

static void configure_pad(uint32_t pad, uint32_t config)
{
    GPIO_PADREG(pad) = (GPIO_PADREG(pad) & ~(0xFFu << PADREG_SHIFT(pad))) | (config << PADREG_SHIFT(pad));
}

void tinyml_uart_init(void)
{
    PWRCTRL_DEVPWREN |= DEVPWR_UART;
    while (!(PWRCTRL_DEVPWRSTATUS & DEVPWRSTATUS_HCPA)) {
    }
    PL011_CR = CR_CLKEN | CR_CLKSEL_24MHZ; /* the clock runs, the UART is still off while it is configured */
    PL011_IBRD = (uint32_t)(DIVISOR_64THS / 64u);
    PL011_FBRD = (uint32_t)(DIVISOR_64THS % 64u);
    PL011_LCRH = PL011_LCRH_WLEN_8 | PL011_LCRH_FEN; /* a PL011 takes new divisors when LCRH is written */
    PL011_CR = CR_CLKEN | CR_CLKSEL_24MHZ | PL011_CR_UARTEN | PL011_CR_TXE | PL011_CR_RXE;

    GPIO_PADKEY = PADKEY_UNLOCK;
    configure_pad(TINYML_UART_TX_PIN, TINYML_UART_PIN_FUNCTION << PADREG_FNCSEL_SHIFT);
    configure_pad(TINYML_UART_RX_PIN, (TINYML_UART_PIN_FUNCTION << PADREG_FNCSEL_SHIFT) | PADREG_INPEN);
    GPIO_PADKEY = 0;
}
