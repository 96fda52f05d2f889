/*
 * Host-side unit test of firmware/link/frame.c (built with the host gcc by run_qemu_smoke.sh, under
 * AddressSanitizer/UBSan). The golden frames are the ones the Java tests (io.tinymlaas.link) use.
 */
#include <stdio.h>
#include <string.h>

#include "frame.h"

static int failures;

#define CHECK(cond)                                                                               \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);             \
            failures++;                                                                           \
        }                                                                                         \
    } while (0)

static const uint8_t GOLDEN_PING[] = {0xA5, 0x5A, 0x05, 0x00, 0x00, 0x6C, 0x27};
static const uint8_t GOLDEN_INFER_123[] = {0xA5, 0x5A, 0x02, 0x03, 0x00, 0x01, 0x02, 0x03, 0xB3, 0x0A};

typedef struct {
    int ok, bad_crc, bad_length;
    uint8_t last_type;
    uint16_t last_length;
    uint8_t last_payload[64];
} tally;

static void feed_all(frame_decoder *d, tally *t, const uint8_t *bytes, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        switch (frame_decoder_feed(d, bytes[i])) {
        case FRAME_OK:
            t->ok++;
            t->last_type = d->type;
            t->last_length = d->length;
            {
                size_t kept = d->length < d->capacity ? d->length : d->capacity;
                memcpy(t->last_payload, d->buf, kept < sizeof t->last_payload ? kept : sizeof t->last_payload);
            }
            break;
        case FRAME_BAD_CRC:
            t->bad_crc++;
            break;
        case FRAME_BAD_LENGTH:
            t->bad_length++;
            break;
        default:
            break;
        }
    }
}

static void crc_check_value(void)
{
    CHECK(frame_crc16("123456789", 9) == 0x29B1);
    CHECK(frame_crc16("", 0) == 0xFFFF);
}

static void encoder_matches_golden_frames(void)
{
    uint8_t out[32];
    const uint8_t payload[] = {1, 2, 3};
    CHECK(frame_encode(out, sizeof out, FRAME_TYPE_PING, NULL, 0) == sizeof GOLDEN_PING);
    CHECK(memcmp(out, GOLDEN_PING, sizeof GOLDEN_PING) == 0);
    CHECK(frame_encode(out, sizeof out, FRAME_TYPE_INFER, payload, 3) == sizeof GOLDEN_INFER_123);
    CHECK(memcmp(out, GOLDEN_INFER_123, sizeof GOLDEN_INFER_123) == 0);
    CHECK(frame_encode(out, 9, FRAME_TYPE_INFER, payload, 3) == 0); /* does not fit */
}

static uint8_t sink_bytes[64];
static size_t sink_len;
static void sink(void *ctx, uint8_t b)
{
    (void)ctx;
    sink_bytes[sink_len++] = b;
}

static void streamed_frame_equals_buffered_frame(void)
{
    frame_writer w;
    const uint8_t a[] = {1}, b[] = {2, 3};
    sink_len = 0;
    CHECK(frame_writer_begin(&w, sink, NULL, FRAME_TYPE_INFER, 3) == 0);
    frame_writer_write(&w, a, 1);
    frame_writer_write(&w, b, 2);
    frame_writer_end(&w);
    CHECK(sink_len == sizeof GOLDEN_INFER_123 && memcmp(sink_bytes, GOLDEN_INFER_123, sink_len) == 0);
    CHECK(frame_writer_begin(&w, sink, NULL, FRAME_TYPE_INFER, FRAME_MAX_PAYLOAD + 1) == -1);
}

static void round_trip_and_garbage_skipped(void)
{
    uint8_t buf[16];
    frame_decoder d;
    tally t = {0};
    const uint8_t garbage[] = {0x00, 0xA5, 0x13, 0xFF, 0xA5, 0xA5, 0x00, 0x5A};
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, garbage, sizeof garbage);
    feed_all(&d, &t, GOLDEN_INFER_123, sizeof GOLDEN_INFER_123);
    CHECK(t.ok == 1 && t.bad_crc == 0 && t.bad_length == 0);
    CHECK(t.last_type == FRAME_TYPE_INFER && t.last_length == 3);
    CHECK(memcmp(t.last_payload, "\x01\x02\x03", 3) == 0);
    /* A doubled first sync byte still starts the frame. */
    feed_all(&d, &t, (const uint8_t *)"\xA5", 1);
    feed_all(&d, &t, GOLDEN_PING, sizeof GOLDEN_PING);
    CHECK(t.ok == 2 && t.last_type == FRAME_TYPE_PING && t.last_length == 0);
}

static void flipped_bit_is_bad_crc_and_next_frame_decodes(void)
{
    uint8_t buf[16], corrupt[sizeof GOLDEN_INFER_123];
    frame_decoder d;
    tally t = {0};
    memcpy(corrupt, GOLDEN_INFER_123, sizeof corrupt);
    corrupt[6] ^= 0x10;
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, corrupt, sizeof corrupt);
    CHECK(t.ok == 0 && t.bad_crc == 1);
    feed_all(&d, &t, GOLDEN_PING, sizeof GOLDEN_PING);
    CHECK(t.ok == 1 && t.last_type == FRAME_TYPE_PING);
}

static void length_over_4096_is_rejected_at_once_and_hidden_frame_found(void)
{
    uint8_t buf[16];
    frame_decoder d;
    tally t = {0};
    /* Header announcing 0x1001 = 4097 bytes, then a PING. */
    const uint8_t too_long[] = {0xA5, 0x5A, 0x02, 0x01, 0x10};
    /* The length bytes of this rejected header are themselves a sync: A5 5A 01 | A5 5A | 05 00 00 .. */
    const uint8_t hidden[] = {0xA5, 0x5A, 0x01, 0xA5, 0x5A, 0x05, 0x00, 0x00, 0x6C, 0x27};
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, too_long, sizeof too_long);
    CHECK(t.bad_length == 1 && t.ok == 0);
    feed_all(&d, &t, GOLDEN_PING, sizeof GOLDEN_PING);
    CHECK(t.ok == 1 && t.last_type == FRAME_TYPE_PING);
    feed_all(&d, &t, hidden, sizeof hidden);
    CHECK(t.bad_length == 2 && t.ok == 2 && t.last_type == FRAME_TYPE_PING);
}

static void payload_longer_than_buffer_is_consumed_and_flagged(void)
{
    uint8_t buf[2];
    frame_decoder d;
    tally t = {0};
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, GOLDEN_INFER_123, sizeof GOLDEN_INFER_123);
    CHECK(t.ok == 1 && d.length == 3 && d.truncated == 1);
    CHECK(buf[0] == 1 && buf[1] == 2);
    feed_all(&d, &t, GOLDEN_PING, sizeof GOLDEN_PING);
    CHECK(t.ok == 2 && d.truncated == 0);
}

static void max_length_frame_round_trips(void)
{
    static uint8_t payload[FRAME_MAX_PAYLOAD], out[FRAME_MAX_PAYLOAD + FRAME_OVERHEAD],
        buf[FRAME_MAX_PAYLOAD];
    frame_decoder d;
    tally t = {0};
    size_t i, n;
    for (i = 0; i < sizeof payload; i++) {
        payload[i] = (uint8_t)(i * 7u + 3u);
    }
    n = frame_encode(out, sizeof out, FRAME_TYPE_INFER, payload, sizeof payload);
    CHECK(n == sizeof out);
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, out, n);
    CHECK(t.ok == 1 && d.length == FRAME_MAX_PAYLOAD && memcmp(buf, payload, sizeof payload) == 0);
}

/* Encodes an INFER_CHUNK: offset (uint32 LE), then data. */
static size_t encode_chunk(uint8_t *out, size_t cap, uint32_t offset, const uint8_t *data, size_t n)
{
    uint8_t payload[FRAME_MAX_PAYLOAD];
    payload[0] = (uint8_t)offset;
    payload[1] = (uint8_t)(offset >> 8);
    payload[2] = (uint8_t)(offset >> 16);
    payload[3] = (uint8_t)(offset >> 24);
    memcpy(payload + FRAME_CHUNK_OFFSET_BYTES, data, n);
    return frame_encode(out, cap, FRAME_TYPE_INFER_CHUNK, payload, n + FRAME_CHUNK_OFFSET_BYTES);
}

static void chunks_assemble_a_tensor_larger_than_a_frame_in_place(void)
{
    enum { TENSOR = 2 * FRAME_CHUNK_MAX_DATA + 1000 };
    static uint8_t tensor[TENSOR], buf[TENSOR], out[FRAME_MAX_PAYLOAD + FRAME_OVERHEAD];
    frame_decoder d;
    tally t = {0};
    uint32_t offset;
    for (offset = 0; offset < TENSOR; offset++) {
        tensor[offset] = (uint8_t)(offset * 13u + 5u);
    }
    frame_decoder_init(&d, buf, sizeof buf);
    for (offset = 0; offset < TENSOR; offset += FRAME_CHUNK_MAX_DATA) {
        size_t n = TENSOR - offset < FRAME_CHUNK_MAX_DATA ? TENSOR - offset : FRAME_CHUNK_MAX_DATA;
        feed_all(&d, &t, out, encode_chunk(out, sizeof out, offset, tensor + offset, n));
        CHECK(d.type == FRAME_TYPE_INFER_CHUNK && d.offset == offset && d.truncated == 0);
    }
    CHECK(t.ok == 3 && t.bad_crc == 0);
    CHECK(memcmp(buf, tensor, TENSOR) == 0);
}

static void chunk_past_the_buffer_stores_only_what_fits_and_is_flagged(void)
{
    uint8_t buf[8] = {0}, out[64];
    const uint8_t data[6] = {1, 2, 3, 4, 5, 6};
    frame_decoder d;
    tally t = {0};
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, out, encode_chunk(out, sizeof out, 4, data, sizeof data));
    CHECK(t.ok == 1 && d.offset == 4 && d.truncated == 1);
    CHECK(buf[3] == 0 && buf[4] == 1 && buf[7] == 4);
    /* An offset near 2^32 must not wrap around into the buffer. */
    memset(buf, 0, sizeof buf);
    feed_all(&d, &t, out, encode_chunk(out, sizeof out, 0xFFFFFFFEu, data, sizeof data));
    CHECK(t.ok == 2 && d.offset == 0xFFFFFFFEu && d.truncated == 1);
    CHECK(buf[0] == 0 && buf[1] == 0 && buf[7] == 0);
}

static void infer_loaded_keeps_its_arguments_out_of_the_buffer(void)
{
    uint8_t buf[1] = {0x77}, out[64];
    const uint8_t args[9] = {0x03, 0x00, 0x00, 0x00, 0xFC, 0x03, 0x00, 0x01, 0xEE};
    frame_decoder d;
    tally t = {0};
    frame_decoder_init(&d, buf, sizeof buf);
    feed_all(&d, &t, out, frame_encode(out, sizeof out, FRAME_TYPE_INFER_LOADED, args, FRAME_LOADED_ARGS_BYTES));
    CHECK(t.ok == 1 && d.args[0] == 3u && d.args[1] == 0x010003FCu && d.truncated == 0 && buf[0] == 0x77);
    /* A ninth byte has no argument to go to. */
    feed_all(&d, &t, out, frame_encode(out, sizeof out, FRAME_TYPE_INFER_LOADED, args, sizeof args));
    CHECK(t.ok == 2 && d.args[0] == 3u && d.args[1] == 0x010003FCu && d.truncated == 1 && buf[0] == 0x77);
}

int main(void)
{
    crc_check_value();
    encoder_matches_golden_frames();
    streamed_frame_equals_buffered_frame();
    round_trip_and_garbage_skipped();
    flipped_bit_is_bad_crc_and_next_frame_decodes();
    length_over_4096_is_rejected_at_once_and_hidden_frame_found();
    payload_longer_than_buffer_is_consumed_and_flagged();
    max_length_frame_round_trips();
    chunks_assemble_a_tensor_larger_than_a_frame_in_place();
    chunk_past_the_buffer_stores_only_what_fits_and_is_flagged();
    infer_loaded_keeps_its_arguments_out_of_the_buffer();
    if (failures) {
        fprintf(stderr, "host_frame_test: %d check(s) failed\n", failures);
        return 1;
    }
    printf("host_frame_test: all checks passed\n");
    return 0;
}
