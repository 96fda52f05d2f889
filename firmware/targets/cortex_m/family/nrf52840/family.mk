# nRF52840: the NVIC lines of its vector table (UNVERIFIED: 48, from memory of the Product Specification).
NUM_IRQS := 48
