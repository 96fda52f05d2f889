# Apollo3: the NVIC lines of its vector table (the last, CLKGEN, is 31 in Ambiq's apollo3.h), and the PL011 data path
# its UART0 shares with the CXD5602's UART1.
NUM_IRQS := 32
FAMILY_SRCS := $(HERE)/family/pl011.c
