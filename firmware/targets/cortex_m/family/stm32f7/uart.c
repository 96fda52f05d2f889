/*
 * STM32F7 console: a USART at 115200 8N1, oversampling by 16, clocked from PCLK (TINYML_UART_CLOCK_HZ: 16 MHz, the
 * HSI the F746 runs from after reset, since nothing here starts the PLL).
 *
 * Addresses and fields as ST's CMSIS device header spells them (STMicroelectronics/cmsis_device_f7
 * Include/stm32f746xx.h): RCC at 0x40023800 with AHB1ENR 0x30 (GPIOx enable = bit x), APB1ENR 0x40, APB2ENR 0x44
 * and the USART enable bits below; GPIO ports 0x400 apart from 0x40020000 (MODER 0x00, AFR 0x20/0x24); USART CR1 0x00
 * (UE, RE, TE: bits 0, 2, 3), BRR 0x0C, ISR 0x1C (ORE, RXNE, TXE: bits 3, 5, 7), ICR 0x20 (ORECF bit 3), RDR 0x24,
 * TDR 0x28. The pins' alternate function comes from the board descriptor (AF7 for USART1 on PA9/PB7, as Linux's
 * stm32f7 pinctrl has it).
 */
#include "board_uart.h"

#ifndef TINYML_UART_PIN_FUNCTION
#error "the STM32F7 driver needs TINYML_UART_PIN_FUNCTION, the pins' alternate function (AF7 for USART1)"
#endif
#ifndef TINYML_UART_CLOCK_HZ
#error "the STM32F7 driver needs TINYML_UART_CLOCK_HZ, the USART's kernel clock"
#endif

#define RCC_AHB1ENR TINYML_REG32(0x40023830u)
#define RCC_APB1ENR TINYML_REG32(0x40023840u)
#define RCC_APB2ENR TINYML_REG32(0x40023844u)

#if TINYML_UART_BASE == 0x40011000u /* USART1 */
#define UART_CLOCK_ENABLE RCC_APB2ENR
#define UART_CLOCK_BIT (1u << 4)
#elif TINYML_UART_BASE == 0x40011400u /* USART6 */
#define UART_CLOCK_ENABLE RCC_APB2ENR
#define UART_CLOCK_BIT (1u << 5)
#elif TINYML_UART_BASE == 0x40004400u /* USART2 */
#define UART_CLOCK_ENABLE RCC_APB1ENR
#define UART_CLOCK_BIT (1u << 17)
#elif TINYML_UART_BASE == 0x40004800u /* USART3 */
#define UART_CLOCK_ENABLE RCC_APB1ENR
#define UART_CLOCK_BIT (1u << 18)
#else
#error "the STM32F7 driver knows USART1, USART2, USART3 and USART6"
#endif

#define USART(offset) TINYML_REG32(TINYML_UART_BASE + (offset))
#define CR1 USART(0x00u)
#define BRR USART(0x0Cu)
#define ISR USART(0x1Cu)
#define ICR USART(0x20u)
#define RDR USART(0x24u)
#define TDR USART(0x28u)

#define CR1_UE (1u << 0)
#define CR1_RE (1u << 2)
#define CR1_TE (1u << 3)
#define ISR_ORE (1u << 3)
#define ISR_RXNE (1u << 5)
#define ISR_TXE (1u << 7)
#define ICR_ORECF (1u << 3)

#define GPIO(pin, offset) TINYML_REG32(0x40020000u + 0x400u * TINYML_PIN_PORT(pin) + (offset))

static void route_pin(uint32_t pin)
{
    const uint32_t index = TINYML_PIN_INDEX(pin);
    volatile uint32_t *afr = &GPIO(pin, index < 8u ? 0x20u : 0x24u);
    const uint32_t af_shift = 4u * (index % 8u);
    RCC_AHB1ENR |= 1u << TINYML_PIN_PORT(pin);
    (void)RCC_AHB1ENR; /* the port's clock must run before its registers are written */
    *afr = (*afr & ~(0xFu << af_shift)) | ((uint32_t)TINYML_UART_PIN_FUNCTION << af_shift);
    GPIO(pin, 0x00u) = (GPIO(pin, 0x00u) & ~(3u << (2u * index))) | (2u << (2u * index)); /* MODER: alternate function */
}

void tinyml_uart_init(void)
{
    UART_CLOCK_ENABLE |= UART_CLOCK_BIT;
    (void)UART_CLOCK_ENABLE;
    route_pin(TINYML_UART_TX_PIN);
    route_pin(TINYML_UART_RX_PIN);
    CR1 = 0;
    BRR = (TINYML_UART_CLOCK_HZ + TINYML_UART_BAUD / 2u) / TINYML_UART_BAUD;
    ICR = ICR_ORECF;
    CR1 = CR1_UE | CR1_RE | CR1_TE;
}

void tinyml_uart_putc(uint8_t byte)
{
    while (!(ISR & ISR_TXE)) {
    }
    TDR = byte;
}

static int byte_received(void)
{
    if (ISR & ISR_ORE) { /* a lost byte is the frame CRC's to report; a set ORE would block reception */
        ICR = ICR_ORECF;
    }
    return (ISR & ISR_RXNE) != 0u;
}

uint8_t tinyml_uart_getc(void)
{
    while (!byte_received()) {
    }
    return (uint8_t)RDR;
}

int tinyml_uart_poll(void)
{
    return byte_received() ? (int)(RDR & 0xFFu) : -1;
}
