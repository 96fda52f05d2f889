/*
 * TinyMLaaS board runtime: hosts one ahead-of-time compiled model and serves it over the UART.
 *
 *   boot:   HELLO  (board id, firmware version, model hash)
 *   HELLO   -> HELLO again (the host may have connected after the boot message was sent)
 *   INFER   -> RESULT (uint32 LE instructions used by tinyml_model_invoke, then the output tensor)
 *   PING    -> PONG (empty)
 *   corrupt -> ERROR 1 "bad crc" / 2 "bad length"; INFER of the wrong size -> ERROR 3; anything
 *              else -> ERROR 4. A corrupt frame is never acted on.
 *   faults  -> ERROR 5 "hard fault" (or "bus fault", ...), or ERROR 6 "stack overflow" when the stack
 *              ran out; then the board spins until it is restarted (startup.c)
 *
 * The frame decoder writes payloads straight into the model's input tensor, so the runtime needs no
 * receive buffer of its own; a payload larger than the input tensor is consumed and CRC-checked but
 * not stored, and is answered with ERROR 3 (or 4 for other types).
 */
#include <stdint.h>

#include "cycles.h"
#include "frame.h"
#include "model.h"
#include "uart_cmsdk.h"

#ifndef TINYML_BOARD_ID
#error "define TINYML_BOARD_ID, e.g. -DTINYML_BOARD_ID=\"mps2-an386\""
#endif
#define TINYML_FIRMWARE_VERSION "0.1.0"

#if TINYML_MODEL_INPUT_BYTES > 4096 || TINYML_MODEL_OUTPUT_BYTES > 4092
#error "model tensors exceed what one frame can carry (payload <= 4096 bytes)"
#endif

static void send_frame(uint8_t type, const void *a, size_t a_len, const void *b, size_t b_len)
{
    frame_writer w;
    (void)frame_writer_begin(&w, tinyml_uart_put_sink, 0, type, a_len + b_len);
    frame_writer_write(&w, a, a_len);
    frame_writer_write(&w, b, b_len);
    frame_writer_end(&w);
}

static void send_error(uint8_t code, const char *text, size_t text_len)
{
    send_frame(FRAME_TYPE_ERROR, &code, 1, text, text_len);
}

#define SEND_ERROR(code, literal) send_error((code), (literal), sizeof(literal) - 1u)

static void send_hello(void)
{
    /* sizeof includes each literal's NUL: id NUL version NUL hash (no trailing NUL). */
    static const char hello[] = TINYML_BOARD_ID "\0" TINYML_FIRMWARE_VERSION "\0" TINYML_MODEL_HASH;
    send_frame(FRAME_TYPE_HELLO, hello, sizeof(hello) - 1u, 0, 0);
}

static void infer(void)
{
    uint32_t insns = tinyml_cycles_measure(tinyml_model_invoke);
    uint8_t head[4];
    head[0] = (uint8_t)insns;
    head[1] = (uint8_t)(insns >> 8);
    head[2] = (uint8_t)(insns >> 16);
    head[3] = (uint8_t)(insns >> 24);
    send_frame(FRAME_TYPE_RESULT, head, sizeof(head), tinyml_model_output(),
               TINYML_MODEL_OUTPUT_BYTES);
}

static void handle(const frame_decoder *d)
{
    switch (d->type) {
    case FRAME_TYPE_INFER:
        if (d->length != TINYML_MODEL_INPUT_BYTES) {
            SEND_ERROR(FRAME_ERR_WRONG_INPUT_SIZE, "wrong input size");
        } else {
            infer();
        }
        break;
    case FRAME_TYPE_HELLO:
        send_hello();
        break;
    case FRAME_TYPE_PING:
        send_frame(FRAME_TYPE_PONG, 0, 0, 0, 0);
        break;
    default:
        SEND_ERROR(FRAME_ERR_UNKNOWN_TYPE, "unknown type");
        break;
    }
}

int main(void)
{
    frame_decoder decoder;

    tinyml_uart_init();
    tinyml_cycles_init();
    frame_decoder_init(&decoder, (uint8_t *)tinyml_model_input(), TINYML_MODEL_INPUT_BYTES);
    send_hello();

    for (;;) {
        switch (frame_decoder_feed(&decoder, tinyml_uart_getc())) {
        case FRAME_OK:
            handle(&decoder);
            break;
        case FRAME_BAD_CRC:
            SEND_ERROR(FRAME_ERR_BAD_CRC, "bad crc");
            break;
        case FRAME_BAD_LENGTH:
            SEND_ERROR(FRAME_ERR_BAD_LENGTH, "bad length");
            break;
        case FRAME_NONE:
        default:
            break;
        }
    }
}
