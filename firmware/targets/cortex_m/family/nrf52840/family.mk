# nRF52840: the NVIC lines of its vector table (the last, SPIM3, is 47 in Nordic's MDK nrf52840.h).
NUM_IRQS := 48
