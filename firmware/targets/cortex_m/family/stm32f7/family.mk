# STM32F746: the NVIC lines of its vector table (UNVERIFIED: 98, from memory of RM0385), and the USART kernel
# clock: PCLK after reset, the 16 MHz HSI, since nothing starts the PLL.
NUM_IRQS := 98
UART_CLOCK_HZ := 16000000
