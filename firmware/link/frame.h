/*
 * TinyMLaaS link frames: the framed binary protocol between the host and a board.
 *
 * Wire format (all multi-byte fields little-endian):
 *
 *   0xA5 0x5A | type (1) | length (2) | payload (length bytes, <= 4096) | crc (2)
 *
 * The CRC is CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor; check value
 * 0x29B1 for "123456789") over type, both length bytes and the payload.
 *
 * Portable C99: no libc beyond stdint.h, stddef.h and string.h, no allocation, no globals. The same
 * file is built into the Cortex-M runtime and into host-side tests.
 */
#ifndef TINYML_LINK_FRAME_H
#define TINYML_LINK_FRAME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FRAME_SYNC0 0xA5u
#define FRAME_SYNC1 0x5Au
#define FRAME_MAX_PAYLOAD 4096u
/* sync (2) + type (1) + length (2) */
#define FRAME_HEADER_BYTES 5u
#define FRAME_CRC_BYTES 2u
#define FRAME_OVERHEAD (FRAME_HEADER_BYTES + FRAME_CRC_BYTES)

/* Message types. */
#define FRAME_TYPE_HELLO 0x01u  /* board->host: id NUL version NUL model-hash (host->board: ask again) */
#define FRAME_TYPE_INFER 0x02u  /* host->board: input tensor bytes */
#define FRAME_TYPE_RESULT 0x03u /* board->host: uint32 LE instructions, then output tensor bytes */
#define FRAME_TYPE_ERROR 0x04u  /* board->host: uint8 code, then UTF-8 text */
#define FRAME_TYPE_PING 0x05u   /* host->board, payload ignored */
#define FRAME_TYPE_PONG 0x06u   /* board->host, empty payload */
/* Tensors larger than one frame travel as chunks: uint32 LE byte offset, then up to
 * FRAME_CHUNK_MAX_DATA bytes of the tensor, in order from offset 0. The board runs the model when the
 * last input chunk completes the input; an output longer than a RESULT can carry goes first as
 * RESULT_CHUNKs, and the final RESULT holds the instructions and the output's remaining bytes. */
#define FRAME_TYPE_INFER_CHUNK 0x07u  /* host->board: offset, part of the input tensor */
#define FRAME_TYPE_RESULT_CHUNK 0x08u /* board->host: offset, part of the output tensor */
#define FRAME_CHUNK_OFFSET_BYTES 4u
#define FRAME_CHUNK_MAX_DATA (FRAME_MAX_PAYLOAD - FRAME_CHUNK_OFFSET_BYTES)
/* Inputs an emulator placed in the board's frame buffer before boot (see FRAME_BATCH_* below) are run by
 * number: uint32 LE first index, uint32 LE count; the board answers one RESULT (RESULT_CHUNKs first when
 * long) per input, in order, so only commands and results cross the UART. */
#define FRAME_TYPE_INFER_LOADED 0x09u /* host->board: first index, count */
#define FRAME_LOADED_ARGS_BYTES 8u

/* ERROR codes sent by the firmware. */
#define FRAME_ERR_BAD_CRC 1u
#define FRAME_ERR_BAD_LENGTH 2u
#define FRAME_ERR_WRONG_INPUT_SIZE 3u
#define FRAME_ERR_UNKNOWN_TYPE 4u
#define FRAME_ERR_FAULT 5u          /* CPU fault ("hard fault", ...); the board spins afterwards */
#define FRAME_ERR_STACK_OVERFLOW 6u /* a fault caused by running out of stack; the board spins */
#define FRAME_ERR_BAD_CHUNK 7u      /* an INFER_CHUNK out of order or shorter than its offset */
#define FRAME_ERR_NO_INPUTS 8u      /* INFER_LOADED, but no batch of inputs is in the frame buffer */
#define FRAME_ERR_BAD_INDEX 9u      /* INFER_LOADED names an input past the loaded batch's end */

/* The batch in the frame buffer: FRAME_BATCH_HEADER_BYTES of header (the magic "TMLI", uint32 LE bytes per
 * input, uint32 LE number of inputs), then the inputs back to back. */
#define FRAME_BATCH_MAGIC 0x494C4D54u /* "TMLI" read as uint32 LE */
#define FRAME_BATCH_HEADER_BYTES 12u

/* CRC-16/CCITT-FALSE. Start with FRAME_CRC_INIT, feed bytes, use the value as is. */
#define FRAME_CRC_INIT 0xFFFFu
uint16_t frame_crc16_update(uint16_t crc, uint8_t byte);
uint16_t frame_crc16(const void *data, size_t len);

/* ---------------------------------------------------------------------------------------------
 * Encoding. Either stream a frame through a byte sink (no buffer needed; payload may be given in
 * several pieces) or encode a whole frame into a buffer.
 * ------------------------------------------------------------------------------------------- */
typedef void (*frame_put_fn)(void *ctx, uint8_t byte);

typedef struct {
    frame_put_fn put;
    void *ctx;
    uint16_t crc;
    uint16_t remaining; /* payload bytes still expected before frame_writer_end */
} frame_writer;

/* Writes sync, type and length. Returns 0, or -1 if length > FRAME_MAX_PAYLOAD (nothing written). */
int frame_writer_begin(frame_writer *w, frame_put_fn put, void *ctx, uint8_t type, size_t length);
/* Writes payload bytes; at most the number announced in frame_writer_begin are written. */
void frame_writer_write(frame_writer *w, const void *data, size_t n);
/* Pads any missing payload with zeros (a caller bug, but the frame stays well formed), writes CRC. */
void frame_writer_end(frame_writer *w);

/* Encodes a whole frame into out. Returns the frame size, or 0 if it does not fit in cap or the
 * payload exceeds FRAME_MAX_PAYLOAD. */
size_t frame_encode(uint8_t *out, size_t cap, uint8_t type, const void *payload, size_t length);

/* ---------------------------------------------------------------------------------------------
 * Decoding: a byte-at-a-time state machine. The payload is stored in a caller-provided buffer (the
 * firmware passes the model's input tensor, so an INFER payload lands where the model reads it and
 * no second copy exists). A payload longer than the buffer is still consumed and CRC-checked, but
 * only its first `capacity` bytes are kept and `truncated` is set.
 *
 * Resynchronisation: the decoder hunts for 0xA5 0x5A. A header announcing more than
 * FRAME_MAX_PAYLOAD bytes is rejected at once (FRAME_BAD_LENGTH) and the hunt restarts at the byte
 * after the rejected 0xA5, so a real frame hidden in the rejected header is still found. A frame
 * whose CRC does not match is rejected (FRAME_BAD_CRC) and skipped as a whole.
 *
 * INFER_CHUNK frames are stored where they belong: their first FRAME_CHUNK_OFFSET_BYTES payload bytes
 * are the offset (kept in `offset`), and the data land at buf + offset, so a tensor larger than a
 * frame is assembled in place. Data beyond `capacity` are not stored and set `truncated`.
 *
 * INFER_LOADED frames are not stored in buf (a model's input may be smaller than their arguments):
 * their first FRAME_LOADED_ARGS_BYTES payload bytes are kept in `args`; any more set `truncated`.
 * ------------------------------------------------------------------------------------------- */
typedef enum {
    FRAME_NONE = 0,       /* need more bytes */
    FRAME_OK = 1,         /* a complete frame with a valid CRC: type/length/payload are valid */
    FRAME_BAD_CRC = 2,    /* complete frame, CRC mismatch: never act on it */
    FRAME_BAD_LENGTH = 3  /* header announced length > FRAME_MAX_PAYLOAD */
} frame_status;

typedef struct {
    uint8_t *buf;
    size_t capacity;
    uint8_t state;
    uint8_t type;
    uint8_t truncated;   /* payload was longer than capacity */
    uint8_t hdr[3];      /* type, len lo, len hi: kept to resynchronise after a bad length */
    uint16_t length;     /* announced payload length */
    uint16_t received;   /* payload bytes received so far */
    uint16_t crc;        /* running CRC */
    uint16_t crc_rx;     /* CRC received from the wire */
    uint32_t offset;     /* INFER_CHUNK frames: the offset their data were stored at */
    uint32_t args[2];    /* INFER_LOADED frames: first index, count */
} frame_decoder;

void frame_decoder_init(frame_decoder *d, uint8_t *buf, size_t capacity);
/* Abandons any partial frame and starts hunting for sync again. */
void frame_decoder_reset(frame_decoder *d);
/* Feeds one byte. After FRAME_OK the fields type, length, truncated and buf[0..min(length,
 * capacity)) describe the frame until the next call. */
frame_status frame_decoder_feed(frame_decoder *d, uint8_t byte);

#ifdef __cplusplus
}
#endif

#endif /* TINYML_LINK_FRAME_H */
