# SAMD51: the NVIC lines of its vector table (PERIPH_COUNT_IRQn = 137 in Microchip's samd51j19a.h).
NUM_IRQS := 137
