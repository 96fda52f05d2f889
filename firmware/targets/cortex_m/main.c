/*
 * TinyMLaaS board runtime: hosts one ahead-of-time compiled model and serves it over the UART.
 *
 *   boot:   HELLO  (board id, firmware version, model hash)
 *   HELLO   -> HELLO again (the host may have connected after the boot message was sent)
 *   INFER   -> RESULT (uint32 LE instructions used by tinyml_model_invoke, then the output tensor)
 *   INFER_CHUNK (offset, data) -> stored at input + offset; the chunk that completes the input runs the
 *              model. An output longer than a RESULT can carry goes first as RESULT_CHUNKs (offset, data).
 *   INFER_LOADED (first, count) -> for each input first..first+count-1 of the batch the emulator placed in
 *              the frame buffer: the input copied into the model's, then its RESULT (RESULT_CHUNKs first when
 *              long). No batch there -> ERROR 8 "no inputs loaded"; its inputs not the model's size -> ERROR 3;
 *              a range past its end -> ERROR 9 "input index out of range"; arguments not 8 bytes -> ERROR 2.
 *              Nothing runs after an error.
 *   PING    -> PONG (empty)
 *   corrupt -> ERROR 1 "bad crc" / 2 "bad length"; INFER of the wrong size -> ERROR 3; anything
 *              else -> ERROR 4. A corrupt frame is never acted on.
 *   chunks  -> a chunk whose offset is not where the input stands -> ERROR 7 "chunk out of order"; one
 *              past the input's end -> ERROR 3. After any error the rest of that transfer's chunks are
 *              dropped without an answer (until a chunk at offset 0 or an INFER starts anew), so a failed
 *              transfer gets exactly one ERROR and never runs the model.
 *   faults  -> ERROR 5 "hard fault" (or "bus fault", ...), or ERROR 6 "stack overflow" when the stack
 *              ran out; then the board spins until it is restarted (startup.c)
 *
 * The frame decoder writes payloads straight into the model's input tensor, so the runtime needs no
 * receive buffer of its own; a payload larger than the input tensor is consumed and CRC-checked but
 * not stored, and is answered with ERROR 3 (or 4 for other types).
 */
#include <stdint.h>
#include <string.h>

#include "cycles.h"
#include "frame.h"
#include "model.h"
#include "uart.h"

#ifndef TINYML_BOARD_ID
#error "define TINYML_BOARD_ID, e.g. -DTINYML_BOARD_ID=\"mps2-an386\""
#endif
#define TINYML_FIRMWARE_VERSION "0.1.0"

/*
 * TINYML_FRAMES_ORIGIN/LENGTH: the frame buffer, memory outside the linker's RAM region where a camera's or
 * microphone's DMA would leave its data, and where an emulator places a batch of test inputs before boot
 * (FRAME_BATCH_* in frame.h). Being outside RAM, it takes nothing from the real board's RAM limit. A length of
 * 0: this board has none.
 */
#if !defined(TINYML_FRAMES_ORIGIN) || !defined(TINYML_FRAMES_LENGTH)
#error "define TINYML_FRAMES_ORIGIN and TINYML_FRAMES_LENGTH (0 and 0 for no frame buffer)"
#endif

/* Chunked input: bytes of the input assembled so far, and whether the current transfer has failed. */
static uint32_t s_assembled;
static uint8_t s_transfer_failed;

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

static void put_u32(uint8_t *out, uint32_t value)
{
    out[0] = (uint8_t)value;
    out[1] = (uint8_t)(value >> 8);
    out[2] = (uint8_t)(value >> 16);
    out[3] = (uint8_t)(value >> 24);
}

static void infer(void)
{
    const uint8_t *output = (const uint8_t *)tinyml_model_output();
    uint32_t sent = 0;
    uint8_t head[4];
    uint32_t insns = tinyml_cycles_measure(tinyml_model_invoke);
    while (TINYML_MODEL_OUTPUT_BYTES - sent > FRAME_MAX_PAYLOAD - sizeof(head)) {
        put_u32(head, sent);
        send_frame(FRAME_TYPE_RESULT_CHUNK, head, sizeof(head), output + sent, FRAME_CHUNK_MAX_DATA);
        sent += FRAME_CHUNK_MAX_DATA;
    }
    put_u32(head, insns);
    send_frame(FRAME_TYPE_RESULT, head, sizeof(head), output + sent, TINYML_MODEL_OUTPUT_BYTES - sent);
}

static void fail_transfer(void)
{
    s_assembled = 0;
    s_transfer_failed = 1;
}

static void infer_chunk(const frame_decoder *d)
{
    uint32_t data;
    if (d->offset == 0) {
        s_assembled = 0;
        s_transfer_failed = 0;
    } else if (s_transfer_failed) {
        return;
    }
    if (d->length < FRAME_CHUNK_OFFSET_BYTES || d->offset != s_assembled) {
        fail_transfer();
        SEND_ERROR(FRAME_ERR_BAD_CHUNK, "chunk out of order");
        return;
    }
    data = d->length - FRAME_CHUNK_OFFSET_BYTES;
    if (data == 0 || d->truncated) {
        fail_transfer();
        SEND_ERROR(FRAME_ERR_WRONG_INPUT_SIZE, "wrong input size");
        return;
    }
    s_assembled += data;
    if (s_assembled == TINYML_MODEL_INPUT_BYTES) {
        s_assembled = 0;
        infer();
    }
}

static uint32_t get_u32(const uint8_t *in)
{
    return (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
}

static void infer_loaded(const frame_decoder *d)
{
    const uint8_t *batch = (const uint8_t *)TINYML_FRAMES_ORIGIN;
    const uint32_t first = d->args[0];
    const uint32_t count = d->args[1];
    uint32_t loaded;
    uint32_t k;
    if (d->length != FRAME_LOADED_ARGS_BYTES) {
        SEND_ERROR(FRAME_ERR_BAD_LENGTH, "bad length");
        return;
    }
    if (TINYML_FRAMES_LENGTH < FRAME_BATCH_HEADER_BYTES || get_u32(batch) != FRAME_BATCH_MAGIC) {
        SEND_ERROR(FRAME_ERR_NO_INPUTS, "no inputs loaded");
        return;
    }
    if (get_u32(batch + 4) != TINYML_MODEL_INPUT_BYTES) {
        SEND_ERROR(FRAME_ERR_WRONG_INPUT_SIZE, "wrong input size");
        return;
    }
    loaded = get_u32(batch + 8);
    /* A header claiming more inputs than the frame buffer holds must not send the reads past its end. */
    if (loaded > (TINYML_FRAMES_LENGTH - FRAME_BATCH_HEADER_BYTES) / TINYML_MODEL_INPUT_BYTES) {
        SEND_ERROR(FRAME_ERR_NO_INPUTS, "no inputs loaded");
        return;
    }
    if (count == 0 || first >= loaded || count > loaded - first) {
        SEND_ERROR(FRAME_ERR_BAD_INDEX, "input index out of range");
        return;
    }
    for (k = first; k < first + count; k++) {
        memcpy(tinyml_model_input(), batch + FRAME_BATCH_HEADER_BYTES + (size_t)k * TINYML_MODEL_INPUT_BYTES,
               TINYML_MODEL_INPUT_BYTES);
        infer();
    }
}

static void handle(const frame_decoder *d)
{
    switch (d->type) {
    case FRAME_TYPE_INFER:
        s_assembled = 0;
        s_transfer_failed = 0;
        if (d->length != TINYML_MODEL_INPUT_BYTES) {
            SEND_ERROR(FRAME_ERR_WRONG_INPUT_SIZE, "wrong input size");
        } else {
            infer();
        }
        break;
    case FRAME_TYPE_INFER_CHUNK:
        infer_chunk(d);
        break;
    case FRAME_TYPE_INFER_LOADED:
        infer_loaded(d);
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
            fail_transfer();
            SEND_ERROR(FRAME_ERR_BAD_CRC, "bad crc");
            break;
        case FRAME_BAD_LENGTH:
            fail_transfer();
            SEND_ERROR(FRAME_ERR_BAD_LENGTH, "bad length");
            break;
        case FRAME_NONE:
        default:
            break;
        }
    }
}
