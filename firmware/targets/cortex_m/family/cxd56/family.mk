# CXD5602: the NVIC lines of its vector table (CXD56_IRQ_NEXTINT = 128 in apache/nuttx arch/arm/include/cxd56xx/irq.h),
# and the PL011 data path its UART1 shares with the Apollo3's UART0.
NUM_IRQS := 128
FAMILY_SRCS := $(HERE)/family/pl011.c
