/*
 * SAMD51 console: a SERCOM in USART mode at 115200 8N1, 16x oversampling with fractional baud generation, TX on PAD0
 * and RX on the descriptor's pad, both pins on the descriptor's multiplexer function. The SERCOM's core clock is
 * taken from the 48 MHz DFLL through a generic-clock generator of its own, so the baud rate does not depend on how
 * the UF2 bootloader left the CPU clock.
 *
 * Addresses, offsets and fields as Microchip's SAM D51 headers spell them (samd51j19a.h and component/{sercom,gclk,
 * mclk,port}.h and instance/sercomN.h, as vendored in ataradov/mcu-starter-projects): SERCOM bases and core clock
 * ids, USART CTRLA/CTRLB/BAUD/INTFLAG/STATUS/SYNCBUSY/DATA, the MCLK APB mask bits, GCLK GENCTRL (SRC DFLL = 6, GENEN
 * bit 8) and PCHCTRL (CHEN bit 6), PORT groups 0x80 apart with PMUX at 0x30 and PINCFG at 0x40. Fractional baud:
 * BAUD = f / (16 baud), FP = (f / baud - 16 BAUD) / 2, as that project's UART computes it.
 * UNVERIFIED: that nothing the bootloader leaves running uses generic-clock generator 4.
 */
#include "board_uart.h"

#if !defined(TINYML_UART_PIN_FUNCTION) || !defined(TINYML_UART_RX_PAD)
#error "the SAMD51 driver needs TINYML_UART_PIN_FUNCTION (pin multiplexer: C = 2, D = 3) and TINYML_UART_RX_PAD"
#endif

#define MCLK_APBAMASK TINYML_REG32(0x40000814u)
#define MCLK_APBBMASK TINYML_REG32(0x40000818u)
#define MCLK_APBDMASK TINYML_REG32(0x40000820u)

#if TINYML_UART_BASE == 0x40003000u
#define SERCOM_GCLK_ID 7u
#define SERCOM_APB_MASK MCLK_APBAMASK
#define SERCOM_APB_BIT (1u << 12)
#elif TINYML_UART_BASE == 0x40003400u
#define SERCOM_GCLK_ID 8u
#define SERCOM_APB_MASK MCLK_APBAMASK
#define SERCOM_APB_BIT (1u << 13)
#elif TINYML_UART_BASE == 0x41012000u
#define SERCOM_GCLK_ID 23u
#define SERCOM_APB_MASK MCLK_APBBMASK
#define SERCOM_APB_BIT (1u << 9)
#elif TINYML_UART_BASE == 0x41014000u
#define SERCOM_GCLK_ID 24u
#define SERCOM_APB_MASK MCLK_APBBMASK
#define SERCOM_APB_BIT (1u << 10)
#elif TINYML_UART_BASE >= 0x43000000u && TINYML_UART_BASE <= 0x43000C00u && TINYML_UART_BASE % 0x400u == 0u
/* SERCOM4..7 sit 0x400 apart, with consecutive clock ids and APBD bits. */
#define SERCOM_UPPER_INDEX ((TINYML_UART_BASE - 0x43000000u) / 0x400u)
#define SERCOM_GCLK_ID (34u + SERCOM_UPPER_INDEX)
#define SERCOM_APB_MASK MCLK_APBDMASK
#define SERCOM_APB_BIT (1u << SERCOM_UPPER_INDEX)
#else
#error "TINYML_UART_BASE is not a SAMD51 SERCOM"
#endif

#define GCLK_SYNCBUSY TINYML_REG32(0x40001C04u)
#define GCLK_GENCTRL(n) TINYML_REG32(0x40001C20u + 4u * (n))
#define GCLK_PCHCTRL(m) TINYML_REG32(0x40001C80u + 4u * (m))
#define UART_GCLK_GENERATOR 4u
#define GENCTRL_SRC_DFLL 6u
#define GENCTRL_GENEN (1u << 8)
#define PCHCTRL_CHEN (1u << 6)
#define DFLL_HZ 48000000u

#define PORT_GROUP(pin) (0x41008000u + 0x80u * TINYML_PIN_PORT(pin))
#define PORT_PMUX(pin) (*(volatile uint8_t *)(PORT_GROUP(pin) + 0x30u + TINYML_PIN_INDEX(pin) / 2u))
#define PORT_PINCFG(pin) (*(volatile uint8_t *)(PORT_GROUP(pin) + 0x40u + TINYML_PIN_INDEX(pin)))
#define PINCFG_PMUXEN 0x01u
#define PINCFG_INEN 0x02u

#define SERCOM8(offset) (*(volatile uint8_t *)(TINYML_UART_BASE + (offset)))
#define SERCOM16(offset) (*(volatile uint16_t *)(TINYML_UART_BASE + (offset)))
#define CTRLA TINYML_REG32(TINYML_UART_BASE + 0x00u)
#define CTRLB TINYML_REG32(TINYML_UART_BASE + 0x04u)
#define BAUD SERCOM16(0x0Cu)
#define INTFLAG SERCOM8(0x18u)
#define STATUS SERCOM16(0x1Au)
#define SYNCBUSY TINYML_REG32(TINYML_UART_BASE + 0x1Cu)
#define DATA TINYML_REG32(TINYML_UART_BASE + 0x28u)

#define CTRLA_SWRST (1u << 0)
#define CTRLA_ENABLE (1u << 1)
#define CTRLA_MODE_USART_INTERNAL_CLOCK (1u << 2)
#define CTRLA_SAMPR_16X_FRACTIONAL (1u << 13)
#define CTRLA_RXPO(pad) ((uint32_t)(pad) << 20)
#define CTRLA_DORD_LSB_FIRST (1u << 30)
#define CTRLB_TXEN (1u << 16)
#define CTRLB_RXEN (1u << 17)
#define INT_DRE 0x01u
#define INT_RXC 0x04u
#define BAUD_FP_SHIFT 13u
#define STATUS_BUFOVF 0x0004u

#define BAUD_INTEGER (DFLL_HZ / (16u * TINYML_UART_BAUD))
#define BAUD_EIGHTHS ((DFLL_HZ / TINYML_UART_BAUD - 16u * BAUD_INTEGER) / 2u)
#define BAUD_VALUE ((uint16_t)(BAUD_INTEGER | (BAUD_EIGHTHS << BAUD_FP_SHIFT)))

static void route_pin(uint32_t pin, uint8_t config)
{
    volatile uint8_t *pmux = &PORT_PMUX(pin);
    const uint32_t shift = (TINYML_PIN_INDEX(pin) & 1u) ? 4u : 0u;
    *pmux = (uint8_t)((*pmux & ~(0xFu << shift)) | ((uint32_t)TINYML_UART_PIN_FUNCTION << shift));
    PORT_PINCFG(pin) = config;
}

void tinyml_uart_init(void)
{
    SERCOM_APB_MASK |= SERCOM_APB_BIT;
    GCLK_GENCTRL(UART_GCLK_GENERATOR) = GENCTRL_SRC_DFLL | GENCTRL_GENEN; /* divide by 1 */
    while (GCLK_SYNCBUSY & (1u << (2u + UART_GCLK_GENERATOR))) {
    }
    GCLK_PCHCTRL(SERCOM_GCLK_ID) = UART_GCLK_GENERATOR | PCHCTRL_CHEN;
    while (!(GCLK_PCHCTRL(SERCOM_GCLK_ID) & PCHCTRL_CHEN)) {
    }

    CTRLA = CTRLA_SWRST;
    while (SYNCBUSY & CTRLA_SWRST) {
    }
    CTRLA = CTRLA_MODE_USART_INTERNAL_CLOCK | CTRLA_SAMPR_16X_FRACTIONAL | CTRLA_RXPO(TINYML_UART_RX_PAD)
            | CTRLA_DORD_LSB_FIRST; /* TX on PAD0 */
    CTRLB = CTRLB_TXEN | CTRLB_RXEN; /* 8 data bits, one stop bit */
    BAUD = BAUD_VALUE;
    route_pin(TINYML_UART_TX_PIN, PINCFG_PMUXEN);
    route_pin(TINYML_UART_RX_PIN, PINCFG_PMUXEN | PINCFG_INEN);
    CTRLA |= CTRLA_ENABLE;
    while (SYNCBUSY & CTRLA_ENABLE) {
    }
}

void tinyml_uart_putc(uint8_t byte)
{
    while (!(INTFLAG & INT_DRE)) {
    }
    DATA = byte;
}

static int byte_received(void)
{
    if (STATUS & STATUS_BUFOVF) { /* a lost byte is the frame CRC's to report */
        STATUS = STATUS_BUFOVF;
    }
    return (INTFLAG & INT_RXC) != 0u;
}

uint8_t tinyml_uart_getc(void)
{
    while (!byte_received()) {
    }
    return (uint8_t)DATA;
}

int tinyml_uart_poll(void)
{
    return byte_received() ? (int)(DATA & 0xFFu) : -1;
}
