/**
 * The framed binary protocol between the host and a board's firmware over a UART.
 *
 * <p>Wire format (multi-byte fields little-endian), shared with {@code firmware/link/frame.c}:
 * <pre>
 *   0xA5 0x5A | type (1) | length (2, &lt;= 4096) | payload | CRC-16/CCITT-FALSE (2) over type, length, payload
 * </pre>
 * {@link io.tinymlaas.link.FrameEncoder} writes frames, {@link io.tinymlaas.link.FrameDecoder} reads them from a
 * byte stream (resynchronising after garbage or corruption), and {@link io.tinymlaas.link.HelloMessage},
 * {@link io.tinymlaas.link.ResultMessage} and {@link io.tinymlaas.link.ErrorMessage} give the payloads meaning.
 */
package io.tinymlaas.link;
