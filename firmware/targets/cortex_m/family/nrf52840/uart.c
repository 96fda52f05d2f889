/*
 * nRF52840 console: UARTE (the UART with EasyDMA) at 115200 8N1, no flow control. EasyDMA only moves bytes between
 * the UARTE and RAM, so each byte goes through a one-byte RAM buffer: TX starts a one-byte transfer and waits for
 * ENDTX; RX keeps a one-byte transfer armed and re-arms it as soon as a byte has been taken.
 *
 * Register offsets and fields as Nordic's MDK spells them (nrfx bsp/stable/mdk/nrf52840.h and nrf52840_bitfields.h;
 * also apache/nuttx arch/arm/src/nrf52/hardware/nrf52_uarte.h): ENABLE = 8 selects the UARTE, BAUDRATE 0x01D60000 is
 * 115200 (actually 115108), SHORTS 0x200 with ENDRX_STARTRX bit 5, CLOCK at 0x40000000 (TASKS_HFCLKSTART 0x000,
 * EVENTS_HFCLKSTARTED 0x100), P0 at 0x50000000 and P1 at 0x50000300 (OUTSET 0x508, DIRSET 0x518). RXD.AMOUNT is "the
 * number of bytes transferred in the last transaction": it is valid after ENDRX, not while a transfer runs, so on the
 * chip a polled driver learns of each byte from ENDRX, and a larger receive buffer would hide the bytes of a frame's
 * tail until it filled. The bytes that arrive between ENDRX and the next STARTRX wait in the UARTE's RX FIFO (5 bytes:
 * UARTE_HW_RX_FIFO_SIZE in nrfx drivers/src/nrfx_uarte.c), so re-arming within four byte times (about 350 us) loses nothing.
 *
 * Renode's model of the UARTE (NRF52840_UART, easyDMA) differs in two ways that matter here (renode-infrastructure
 * src/Emulator/Peripherals/Peripherals/UART/NRF52840_UART.cs, Renode 1.15.1): host bytes arrive in bursts at its
 * synchronisation points, and a byte that arrives while ENDRX is clear is written at the previous transfer's next
 * address even when that transfer has ended, while a byte that arrives while ENDRX is set waits in an unbounded queue
 * that each STARTRX drains by one byte. Clearing ENDRX before STARTRX, as the chip wants (a byte waiting in its FIFO can
 * end the new transfer at once, and that ENDRX must not be cleared), therefore leaves a window in which a burst is
 * written over the RAM after the buffer and lost: longer frames failed their CRC or never ended. The model also has no
 * SHORTS register, which tells it apart from the chip: there the driver triggers STARTRX while ENDRX is still set (a
 * burst waits in the queue), clears ENDRX, and triggers STARTRX again to take the first waiting byte.
 */
#include "board_uart.h"

#define UARTE(offset) TINYML_REG32(TINYML_UART_BASE + (offset))
#define TASKS_STARTRX UARTE(0x000u)
#define TASKS_STARTTX UARTE(0x008u)
#define EVENTS_ENDRX UARTE(0x110u)
#define EVENTS_ENDTX UARTE(0x120u)
#define EVENTS_ERROR UARTE(0x124u)
#define SHORTS UARTE(0x200u)
#define ERRORSRC UARTE(0x480u)
#define ENABLE UARTE(0x500u)
#define PSEL_RTS UARTE(0x508u)
#define PSEL_TXD UARTE(0x50Cu)
#define PSEL_CTS UARTE(0x510u)
#define PSEL_RXD UARTE(0x514u)
#define BAUDRATE UARTE(0x524u)
#define RXD_PTR UARTE(0x534u)
#define RXD_MAXCNT UARTE(0x538u)
#define TXD_PTR UARTE(0x544u)
#define TXD_MAXCNT UARTE(0x548u)
#define CONFIG UARTE(0x56Cu)

#define ENABLE_UARTE 8u
#define PSEL_DISCONNECTED 0xFFFFFFFFu
#define BAUDRATE_115200 0x01D60000u
#define SHORTS_ENDRX_STARTRX (1u << 5)

#define CLOCK_TASKS_HFCLKSTART TINYML_REG32(0x40000000u)
#define CLOCK_EVENTS_HFCLKSTARTED TINYML_REG32(0x40000100u)
#define GPIO_PORT(pin) (0x50000000u + 0x300u * TINYML_PIN_PORT(pin))
#define GPIO_OUTSET(pin) TINYML_REG32(GPIO_PORT(pin) + 0x508u)
#define GPIO_DIRSET(pin) TINYML_REG32(GPIO_PORT(pin) + 0x518u)

#if TINYML_UART_BAUD != 115200u
#error "the nRF52840 UARTE driver knows the BAUDRATE value of 115200 only"
#endif

/* EasyDMA reads and writes RAM only: the bytes in flight live here, not in flash or on a stack that may move. */
static volatile uint8_t s_tx_byte;
static volatile uint8_t s_rx_byte;
static int s_model_without_shorts;

/* Probed once: the chip keeps what is written to SHORTS, Renode's model reads it as 0. */
static int has_shorts(void)
{
    int kept;
    SHORTS = SHORTS_ENDRX_STARTRX;
    kept = SHORTS == SHORTS_ENDRX_STARTRX;
    SHORTS = 0;
    return kept;
}

static void start_receive(void)
{
    RXD_PTR = (uint32_t)(uintptr_t)&s_rx_byte;
    RXD_MAXCNT = 1;
    TASKS_STARTRX = 1;
}

/* After the byte of an ENDRX has been taken. */
static void rearm_receive(void)
{
    if (s_model_without_shorts) {
        start_receive();
        EVENTS_ENDRX = 0;
        TASKS_STARTRX = 1;
    } else {
        EVENTS_ENDRX = 0;
        start_receive();
    }
}

void tinyml_uart_init(void)
{
    /* The baud rate is derived from HFCLK; the internal RC oscillator is too coarse for a long UART stream, so run it
     * from the crystal. */
    CLOCK_EVENTS_HFCLKSTARTED = 0;
    CLOCK_TASKS_HFCLKSTART = 1;
    while (!CLOCK_EVENTS_HFCLKSTARTED) {
    }

    ENABLE = 0;
    /* The TX line idles high also while the UARTE does not drive it. */
    GPIO_OUTSET(TINYML_UART_TX_PIN) = 1u << TINYML_PIN_INDEX(TINYML_UART_TX_PIN);
    GPIO_DIRSET(TINYML_UART_TX_PIN) = 1u << TINYML_PIN_INDEX(TINYML_UART_TX_PIN);
    PSEL_TXD = TINYML_UART_TX_PIN;
    PSEL_RXD = TINYML_UART_RX_PIN;
    PSEL_RTS = PSEL_DISCONNECTED;
    PSEL_CTS = PSEL_DISCONNECTED;
    BAUDRATE = BAUDRATE_115200;
    CONFIG = 0; /* no parity, one stop bit, no flow control */
    ENABLE = ENABLE_UARTE;
    s_model_without_shorts = !has_shorts();
    EVENTS_ENDRX = 0;
    start_receive();
}

void tinyml_uart_putc(uint8_t byte)
{
    s_tx_byte = byte;
    EVENTS_ENDTX = 0;
    TXD_PTR = (uint32_t)(uintptr_t)&s_tx_byte;
    TXD_MAXCNT = 1;
    TASKS_STARTTX = 1;
    while (!EVENTS_ENDTX) {
    }
}

static int byte_received(void)
{
    return EVENTS_ENDRX != 0u;
}

static uint8_t take_byte(void)
{
    uint8_t byte = s_rx_byte;
    if (EVENTS_ERROR) { /* framing or overrun: the byte is still delivered, the frame CRC judges it */
        ERRORSRC = ERRORSRC;
        EVENTS_ERROR = 0;
    }
    rearm_receive();
    return byte;
}

uint8_t tinyml_uart_getc(void)
{
    while (!byte_received()) {
    }
    return take_byte();
}

int tinyml_uart_poll(void)
{
    return byte_received() ? (int)take_byte() : -1;
}
