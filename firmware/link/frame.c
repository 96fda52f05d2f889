/* TinyMLaaS link frames: encoder, decoder and CRC-16/CCITT-FALSE. See frame.h for the format. */
#include "frame.h"

/* CRC-16/CCITT-FALSE, four bits at a time: a 32-byte table instead of 512 bytes, two lookups per
 * byte. NIBBLE_TABLE[i] is the CRC register after shifting the nibble i (placed in the top four bits)
 * through the polynomial 0x1021 four times. */
static const uint16_t NIBBLE_TABLE[16] = {
    0x0000, 0x1021, 0x2042, 0x3063, 0x4084, 0x50A5, 0x60C6, 0x70E7,
    0x8108, 0x9129, 0xA14A, 0xB16B, 0xC18C, 0xD1AD, 0xE1CE, 0xF1EF,
};

uint16_t frame_crc16_update(uint16_t crc, uint8_t byte)
{
    crc = (uint16_t)((crc << 4) ^ NIBBLE_TABLE[((crc >> 12) ^ (byte >> 4)) & 0x0Fu]);
    crc = (uint16_t)((crc << 4) ^ NIBBLE_TABLE[((crc >> 12) ^ byte) & 0x0Fu]);
    return crc;
}

uint16_t frame_crc16(const void *data, size_t len)
{
    const uint8_t *p = (const uint8_t *)data;
    uint16_t crc = FRAME_CRC_INIT;
    while (len--) {
        crc = frame_crc16_update(crc, *p++);
    }
    return crc;
}

/* ----------------------------------------------------------------------------------------- */
/* Encoder                                                                                   */
/* ----------------------------------------------------------------------------------------- */

static void writer_put_crc(frame_writer *w, uint8_t byte)
{
    w->crc = frame_crc16_update(w->crc, byte);
    w->put(w->ctx, byte);
}

int frame_writer_begin(frame_writer *w, frame_put_fn put, void *ctx, uint8_t type, size_t length)
{
    if (length > FRAME_MAX_PAYLOAD) {
        return -1;
    }
    w->put = put;
    w->ctx = ctx;
    w->crc = FRAME_CRC_INIT;
    w->remaining = (uint16_t)length;
    put(ctx, FRAME_SYNC0);
    put(ctx, FRAME_SYNC1);
    writer_put_crc(w, type);
    writer_put_crc(w, (uint8_t)(length & 0xFFu));
    writer_put_crc(w, (uint8_t)(length >> 8));
    return 0;
}

void frame_writer_write(frame_writer *w, const void *data, size_t n)
{
    const uint8_t *p = (const uint8_t *)data;
    while (n-- && w->remaining) {
        writer_put_crc(w, *p++);
        w->remaining--;
    }
}

void frame_writer_end(frame_writer *w)
{
    while (w->remaining) {
        writer_put_crc(w, 0);
        w->remaining--;
    }
    w->put(w->ctx, (uint8_t)(w->crc & 0xFFu));
    w->put(w->ctx, (uint8_t)(w->crc >> 8));
}

typedef struct {
    uint8_t *out;
    size_t pos;
} buffer_sink;

static void buffer_put(void *ctx, uint8_t byte)
{
    buffer_sink *s = (buffer_sink *)ctx;
    s->out[s->pos++] = byte;
}

size_t frame_encode(uint8_t *out, size_t cap, uint8_t type, const void *payload, size_t length)
{
    frame_writer w;
    buffer_sink sink;
    if (length > FRAME_MAX_PAYLOAD || cap < length + FRAME_OVERHEAD) {
        return 0;
    }
    sink.out = out;
    sink.pos = 0;
    frame_writer_begin(&w, buffer_put, &sink, type, length);
    frame_writer_write(&w, payload, length);
    frame_writer_end(&w);
    return sink.pos;
}

/* ----------------------------------------------------------------------------------------- */
/* Decoder                                                                                   */
/* ----------------------------------------------------------------------------------------- */

enum {
    ST_HUNT = 0, /* looking for 0xA5 */
    ST_SYNC1,    /* saw 0xA5, want 0x5A */
    ST_TYPE,
    ST_LEN0,
    ST_LEN1,
    ST_PAYLOAD,
    ST_CRC0,
    ST_CRC1
};

void frame_decoder_init(frame_decoder *d, uint8_t *buf, size_t capacity)
{
    /* Field by field rather than memset: keeps libc out of small firmware images. */
    d->buf = buf;
    d->capacity = buf ? capacity : 0;
    d->state = ST_HUNT;
    d->type = 0;
    d->truncated = 0;
    d->hdr[0] = d->hdr[1] = d->hdr[2] = 0;
    d->length = 0;
    d->received = 0;
    d->crc = FRAME_CRC_INIT;
    d->crc_rx = 0;
    d->offset = 0;
    d->args[0] = d->args[1] = 0;
}

void frame_decoder_reset(frame_decoder *d)
{
    d->state = ST_HUNT;
}

/* Stores the payload's data byte number `index` (counted after a chunk's offset) at its place. */
static void store(frame_decoder *d, size_t index, uint8_t byte)
{
    const uint32_t base = d->type == FRAME_TYPE_INFER_CHUNK ? d->offset : 0u;
    if (base < d->capacity && index < d->capacity - base) {
        d->buf[base + index] = byte;
    } else {
        d->truncated = 1;
    }
}

/* Keeps an INFER_LOADED payload byte in its argument word. */
static void keep_arg(frame_decoder *d, uint8_t byte)
{
    if (d->received < FRAME_LOADED_ARGS_BYTES) {
        d->args[d->received / 4u] |= (uint32_t)byte << (8u * (d->received % 4u));
    } else {
        d->truncated = 1;
    }
}

static frame_status feed(frame_decoder *d, uint8_t byte)
{
    switch (d->state) {
    case ST_HUNT:
        if (byte == FRAME_SYNC0) {
            d->state = ST_SYNC1;
        }
        return FRAME_NONE;
    case ST_SYNC1:
        if (byte == FRAME_SYNC1) {
            d->state = ST_TYPE;
        } else if (byte != FRAME_SYNC0) {
            d->state = ST_HUNT;
        } /* 0xA5 0xA5: the second one may start the frame, stay */
        return FRAME_NONE;
    case ST_TYPE:
        d->hdr[0] = byte;
        d->type = byte;
        d->crc = frame_crc16_update(FRAME_CRC_INIT, byte);
        d->state = ST_LEN0;
        return FRAME_NONE;
    case ST_LEN0:
        d->hdr[1] = byte;
        d->length = byte;
        d->crc = frame_crc16_update(d->crc, byte);
        d->state = ST_LEN1;
        return FRAME_NONE;
    case ST_LEN1: {
        uint8_t again[4];
        unsigned i;
        d->hdr[2] = byte;
        d->length = (uint16_t)(d->length | ((uint16_t)byte << 8));
        d->crc = frame_crc16_update(d->crc, byte);
        d->received = 0;
        d->truncated = 0;
        d->offset = 0;
        d->args[0] = d->args[1] = 0;
        if (d->length <= FRAME_MAX_PAYLOAD) {
            d->state = d->length ? ST_PAYLOAD : ST_CRC0;
            return FRAME_NONE;
        }
        /* Bad length: resume the hunt just after the 0xA5 that started this header. Four bytes
         * cannot complete another header, so this re-feed never reports anything by itself. */
        again[0] = FRAME_SYNC1;
        again[1] = d->hdr[0];
        again[2] = d->hdr[1];
        again[3] = d->hdr[2];
        d->state = ST_HUNT;
        for (i = 0; i < 4u; i++) {
            (void)feed(d, again[i]);
        }
        return FRAME_BAD_LENGTH;
    }
    case ST_PAYLOAD:
        if (d->type == FRAME_TYPE_INFER_LOADED) {
            keep_arg(d, byte);
        } else if (d->type != FRAME_TYPE_INFER_CHUNK) {
            store(d, d->received, byte);
        } else if (d->received < FRAME_CHUNK_OFFSET_BYTES) {
            d->offset |= (uint32_t)byte << (8u * d->received);
        } else {
            store(d, (size_t)d->received - FRAME_CHUNK_OFFSET_BYTES, byte);
        }
        d->received++;
        d->crc = frame_crc16_update(d->crc, byte);
        if (d->received == d->length) {
            d->state = ST_CRC0;
        }
        return FRAME_NONE;
    case ST_CRC0:
        d->crc_rx = byte;
        d->state = ST_CRC1;
        return FRAME_NONE;
    case ST_CRC1:
    default:
        d->crc_rx = (uint16_t)(d->crc_rx | ((uint16_t)byte << 8));
        d->state = ST_HUNT;
        return d->crc_rx == d->crc ? FRAME_OK : FRAME_BAD_CRC;
    }
}

frame_status frame_decoder_feed(frame_decoder *d, uint8_t byte)
{
    return feed(d, byte);
}
