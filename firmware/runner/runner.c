/*
 * MLPerf Tiny's benchmark protocol in performance mode, as the EEMBC EnergyRunner (and MLCommons' Python runner)
 * drive a device under test over its console UART, on top of the board runtime (uart_cmsdk, cycles) and one compiled
 * model (model.h). Linked instead of the framed runtime's main.c (Makefile MAIN_SRC).
 *
 * Commands end with '%' (CR and LF are ignored, so a terminal works too); every answer ends with "m-ready":
 *   name              m-name-dut-[tinymlaas <board id>]
 *   profile           m-profile-[<firmware version>], m-model-[<model name>]
 *   timestamp         m-lap-us-<microseconds>
 *   db load N         m-[Expecting N bytes]: the next N bytes given by "db" are the input tensor
 *   db HH[HH]*        bytes in hex; m-load-done once N have arrived (digits beyond N are ignored, as the runner expects)
 *   infer N [W]       W warm-up inferences (default 10), then N timed ones between two lap lines, then the results
 *   results           m-results-[v0,v1,...]: the output tensor dequantized, six decimals
 *   help              the command list
 * Errors are one "e-[...]" line. At reset: m-timestamp-mode-performance, a lap line, m-init-done, m-ready.
 *
 * Lap times come from SysTick (cycles.c), counted as cycles of the board's core clock TINYML_CORE_CLOCK_HZ. On a real board
 * (built with TINYML_INSNS_PER_TICK=1) SysTick runs at that clock, so a lap is wall-clock time. Under `qemu -icount
 * shift=0` a tick is TINYML_INSNS_PER_TICK executed instructions, so a lap is the time those instructions would take at
 * the board's clock at one instruction per cycle: a lower bound of the real board's time, not QEMU's own clock.
 *
 * Every inference copies the loaded input into the model's input tensor first: the compiled model's arena may reuse the
 * input's bytes for later activations, so a second run could otherwise see a clobbered input. The copy is timed with it.
 */
#include <stdint.h>
#include <string.h>

#include "cycles.h"
#include "model.h"
#include "runner_model.h"
#include "uart.h"

#ifndef TINYML_BOARD_ID
#error "define TINYML_BOARD_ID, e.g. -DTINYML_BOARD_ID=\"mps2-an386\""
#endif
#ifndef TINYML_RUNNER_MODEL
#error "runner_model.h must define TINYML_RUNNER_MODEL, the model name the runner sees (e.g. \"kws01\")"
#endif
#ifndef TINYML_CORE_CLOCK_HZ
#error "runner_model.h must define TINYML_CORE_CLOCK_HZ, the board's core clock"
#endif

#define FIRMWARE_VERSION "ULPMark for tinyML Firmware V0.0.1"
/* The reference firmware's command buffer: longer commands are refused rather than cut. */
#define COMMAND_MAX 80u
#define DEFAULT_WARMUPS 10u

/*
 * X(byte offset, values, float32?, scale, zero point) per output tensor: model.h lists several outputs; one output is
 * described by its own macros.
 */
#ifndef TINYML_MODEL_OUTPUT_TENSORS
#ifdef TINYML_MODEL_OUTPUT_FLOAT32
#define TINYML_MODEL_OUTPUT_TENSORS(X) X(0u, TINYML_MODEL_OUTPUT_BYTES / 4u, 1, 1.0f, 0)
#else
#define TINYML_MODEL_OUTPUT_TENSORS(X) \
    X(0u, TINYML_MODEL_OUTPUT_BYTES, 0, TINYML_MODEL_OUTPUT_SCALE, TINYML_MODEL_OUTPUT_ZERO_POINT)
#endif
#endif

static uint8_t s_input[TINYML_MODEL_INPUT_BYTES];
static uint32_t s_expected; /* bytes announced by "db load" */
static uint32_t s_loaded;   /* bytes received since */

static void put(const char *text)
{
    tinyml_uart_write(text, strlen(text));
}

static void put_u64(uint64_t value)
{
    char digits[20];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    while (n > 0) {
        tinyml_uart_putc((uint8_t)digits[--n]);
    }
}

static void put_line_u64(const char *prefix, uint64_t value)
{
    put(prefix);
    put_u64(value);
    put("\r\n");
}

static void error_line(const char *what, const char *detail)
{
    put("e-[");
    put(what);
    put(detail);
    put("]\r\n");
}

static void lap(void)
{
    uint64_t cycles_x_den = tinyml_cycles_ticks() * TINYML_INSNS_PER_TICK;
    put_line_u64("m-lap-us-", cycles_x_den * 1000000ull / ((uint64_t)TINYML_INSNS_PER_TICK_DEN * TINYML_CORE_CLOCK_HZ));
}

/*
 * Six decimals, rounded half up on the magnitude in single precision: |v| * 1e6f + 0.5f, truncated. The host repeats
 * exactly these float operations to predict the line from the reference interpreter's int8 output.
 */
static void put_fixed6(float value)
{
    float magnitude = value < 0.0f ? -value : value;
    uint64_t micros = (uint64_t)(magnitude * 1000000.0f + 0.5f);
    char fraction[7];
    int i;
    if (value < 0.0f && micros != 0) {
        tinyml_uart_putc('-');
    }
    put_u64(micros / 1000000u);
    for (i = 5; i >= 0; i--) {
        fraction[i] = (char)('0' + micros % 10u);
        micros /= 10u;
    }
    fraction[6] = '\0';
    put(".");
    put(fraction);
}

/* One output tensor's values, dequantized if int8, each after a comma unless it is the very first. */
static void put_tensor(uint32_t offset, uint32_t values, int is_float, float scale, int32_t zero_point, int *first)
{
    const uint8_t *bytes = (const uint8_t *)tinyml_model_output() + offset;
    uint32_t i;
    for (i = 0; i < values; i++) {
        float value;
        if (is_float) {
            memcpy(&value, bytes + 4u * i, sizeof(value));
        } else {
            value = (float)((int8_t)bytes[i] - zero_point) * scale;
        }
        if (!*first) {
            put(",");
        }
        *first = 0;
        put_fixed6(value);
    }
}

static void results(void)
{
    int first = 1;
    put("m-results-[");
#define PUT_TENSOR(offset, values, is_float, scale, zero_point) \
    put_tensor(offset, values, is_float, scale, zero_point, &first);
    TINYML_MODEL_OUTPUT_TENSORS(PUT_TENSOR)
#undef PUT_TENSOR
    put("]\r\n");
}

static void infer_once(void)
{
    memcpy(tinyml_model_input(), s_input, TINYML_MODEL_INPUT_BYTES);
    tinyml_model_invoke();
}

/* A whole decimal number in [0, 2^31), or -1. */
static int32_t parse_count(const char *text)
{
    int32_t value = 0;
    if (*text == '\0') {
        return -1;
    }
    for (; *text != '\0'; text++) {
        if (*text < '0' || *text > '9' || value > 214748363) {
            return -1;
        }
        value = value * 10 + (*text - '0');
    }
    return value;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static void db_load(const char *count)
{
    int32_t n = count == 0 ? -1 : parse_count(count);
    if (n <= 0) {
        error_line("Command 'db load' requires a byte count > 0", "");
        return;
    }
    if ((uint32_t)n > TINYML_MODEL_INPUT_BYTES) {
        error_line("db load: more bytes than the model's input takes: ", count);
        return;
    }
    s_expected = (uint32_t)n;
    s_loaded = 0;
    put("m-[Expecting ");
    put_u64(s_expected);
    put(" bytes]\r\n");
}

static void db_bytes(const char *hex)
{
    size_t digits = strlen(hex);
    size_t i;
    if (digits % 2u != 0) {
        error_line("Insufficent number of hex digits", "");
        return;
    }
    for (i = 0; i < digits && s_loaded < s_expected; i += 2u) {
        int high = hex_digit(hex[i]);
        int low = hex_digit(hex[i + 1u]);
        if (high < 0 || low < 0) {
            error_line("Invalid hex digit in ", hex);
            return;
        }
        s_input[s_loaded++] = (uint8_t)(high * 16 + low);
        if (s_loaded == s_expected) {
            put("m-load-done\r\n");
        }
    }
}

static void infer(const char *iterations, const char *warmups)
{
    int32_t n = iterations == 0 ? 1 : parse_count(iterations);
    int32_t w = warmups == 0 ? (int32_t)DEFAULT_WARMUPS : parse_count(warmups);
    if (n <= 0) {
        error_line("Inference iterations must be >0", "");
        return;
    }
    if (w < 0) {
        error_line("Inference warmup must be >=0", "");
        return;
    }
    if (s_loaded != TINYML_MODEL_INPUT_BYTES) {
        error_line("Input db does not hold the model's input: load the whole tensor with db load and db first", "");
        return;
    }
    put_line_u64("m-warmup-start-", (uint64_t)w);
    while (w-- > 0) {
        infer_once();
    }
    put("m-warmup-done\r\n");
    put_line_u64("m-infer-start-", (uint64_t)n);
    lap();
    while (n-- > 0) {
        infer_once();
    }
    lap();
    put("m-infer-done\r\n");
    results();
}

static void help(void)
{
    put(FIRMWARE_VERSION "\r\n\r\n"
        "help         : Print this information\r\n"
        "name         : Print the name of the device\r\n"
        "timestamp    : Generate a timestamp\r\n"
        "db load N    : Expect N bytes of input\r\n"
        "db HH[HH]*   : Load 8-bit hex byte(s) until N bytes\r\n"
        "infer N [W=10]: Run W warm-up, then N timed inferences on the input\r\n"
        "results      : Print the output tensor as floats\r\n");
}

/* Splits the command in place at spaces into at most `max` words; returns how many. */
static int split(char *command, char **words, int max)
{
    int n = 0;
    char *p = command;
    while (n < max) {
        while (*p == ' ') {
            p++;
        }
        if (*p == '\0') {
            break;
        }
        words[n++] = p;
        while (*p != ' ' && *p != '\0') {
            p++;
        }
        if (*p == ' ') {
            *p++ = '\0';
        }
    }
    return n;
}

static void execute(char *command)
{
    char *words[3] = {0, 0, 0};
    int n = split(command, words, 3);
    if (n == 0) {
        error_line("Unknown command: ", "");
    } else if (strcmp(words[0], "name") == 0) {
        put("m-name-dut-[tinymlaas " TINYML_BOARD_ID "]\r\n");
    } else if (strcmp(words[0], "profile") == 0) {
        put("m-profile-[" FIRMWARE_VERSION "]\r\nm-model-[" TINYML_RUNNER_MODEL "]\r\n");
    } else if (strcmp(words[0], "timestamp") == 0) {
        lap();
    } else if (strcmp(words[0], "db") == 0 && n >= 2 && strcmp(words[1], "load") == 0) {
        db_load(words[2]);
    } else if (strcmp(words[0], "db") == 0 && n >= 2) {
        db_bytes(words[1]);
    } else if (strcmp(words[0], "db") == 0) {
        error_line("Command 'db' requires a subcommand", "");
    } else if (strcmp(words[0], "infer") == 0) {
        infer(words[1], words[2]);
    } else if (strcmp(words[0], "results") == 0) {
        results();
    } else if (strcmp(words[0], "help") == 0) {
        help();
    } else {
        error_line("Unknown command: ", words[0]);
    }
    put("m-ready\r\n");
}

int main(void)
{
    char command[COMMAND_MAX + 1u];
    uint32_t length = 0;
    int too_long = 0;

    tinyml_uart_init();
    tinyml_cycles_init();
    put("m-timestamp-mode-performance\r\n");
    lap();
    put("m-init-done\r\nm-ready\r\n");

    for (;;) {
        char c = (char)tinyml_uart_getc();
        if (c == '%') {
            command[length] = '\0';
            if (too_long) {
                error_line("Command longer than 80 characters", "");
                put("m-ready\r\n");
            } else {
                execute(command);
            }
            length = 0;
            too_long = 0;
        } else if (c == '\r' || c == '\n') {
            continue;
        } else if (length < COMMAND_MAX) {
            command[length++] = c;
        } else {
            too_long = 1;
        }
    }
}
