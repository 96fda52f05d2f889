# STM32F746: the NVIC lines of its vector table (the last, SPDIF_RX, is 97 in ST's stm32f746xx.h), and the USART
# kernel clock: PCLK after reset, the 16 MHz HSI, since nothing starts the PLL.
NUM_IRQS := 98
UART_CLOCK_HZ := 16000000
