package io.tinymlaas.link;

/** What {@link FrameDecoder} recognised in the byte stream: a valid {@link Frame} or a {@link CorruptFrame}. */
public sealed interface DecodeResult permits Frame, CorruptFrame {
}
