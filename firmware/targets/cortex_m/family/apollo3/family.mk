# Apollo3: the NVIC lines of its vector table (the last, CLKGEN, is 31 in Ambiq's apollo3.h).
NUM_IRQS := 32
