# SAMD51: the NVIC lines of its vector table (UNVERIFIED: 138, from memory of DS60001507; SERCOM7 ends at 77).
NUM_IRQS := 138
