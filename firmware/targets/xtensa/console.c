/* Semihosting console: simcall with a2 = call number (3 read, 4 write), a3..a5 = fd, buffer, length; result in a2. */
#include "console.h"

#define SYS_READ 3
#define SYS_WRITE 4
#define STDIN 0
#define STDOUT 1

static uint8_t s_out[256];
static size_t s_pending;

static int simcall(int call, int fd, void *buffer, size_t length)
{
    register int a2 __asm__("a2") = call;
    register int a3 __asm__("a3") = fd;
    register void *a4 __asm__("a4") = buffer;
    register size_t a5 __asm__("a5") = length;
    __asm__ volatile("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
    return a2;
}

static void flush(void)
{
    size_t sent = 0;
    while (sent < s_pending) {
        int n = simcall(SYS_WRITE, STDOUT, s_out + sent, s_pending - sent);
        if (n > 0) {
            sent += (size_t)n;
        }
    }
    s_pending = 0;
}

void tinyml_uart_init(void)
{
    s_pending = 0;
}

void tinyml_uart_putc(uint8_t byte)
{
    if (s_pending == sizeof(s_out)) {
        flush();
    }
    s_out[s_pending++] = byte;
}

void tinyml_uart_write(const void *data, size_t n)
{
    const uint8_t *bytes = data;
    while (n--) {
        tinyml_uart_putc(*bytes++);
    }
}

/* QEMU answers a read with no input waiting at once (-1, EAGAIN), so this polls. */
uint8_t tinyml_uart_getc(void)
{
    uint8_t byte;
    flush();
    while (simcall(SYS_READ, STDIN, &byte, 1) != 1) {
    }
    return byte;
}

void tinyml_uart_put_sink(void *ctx, uint8_t byte)
{
    (void)ctx;
    tinyml_uart_putc(byte);
}
