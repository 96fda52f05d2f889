package io.tinymlaas.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads frames from a byte stream, a byte at a time, the same state machine as the firmware's
 * {@code frame_decoder} ({@code firmware/link/frame.c}). Not thread-safe: one decoder per stream.
 *
 * <p>Resynchronisation:
 * <ul>
 *   <li>bytes outside frames are skipped until the sync pair 0xA5 0x5A (counted by {@link #skippedBytes()});</li>
 *   <li>a header announcing more than {@link Frame#MAX_PAYLOAD} bytes is reported at once as
 *       {@link CorruptFrame.Reason#BAD_LENGTH}, and the hunt for sync resumes at the byte after its 0xA5, so a real
 *       frame starting inside the rejected header is still found;</li>
 *   <li>a frame whose CRC does not match is reported as {@link CorruptFrame.Reason#BAD_CRC} and skipped whole;</li>
 *   <li>an intact frame with a type code outside {@link FrameType} is reported as
 *       {@link CorruptFrame.Reason#UNKNOWN_TYPE}.</li>
 * </ul>
 * A corrupted length that is still legal makes the decoder wait for that many bytes; a caller that times out
 * waiting for an answer can {@link #reset()} the decoder to drop the partial frame.
 */
public final class FrameDecoder {

    private enum State { HUNT, SYNC1, TYPE, LEN0, LEN1, PAYLOAD, CRC0, CRC1 }

    private State state = State.HUNT;
    private int typeCode;
    private int length;
    private byte[] payload;
    private int received;
    private int crc;
    private int crcOnWire;
    private long skipped;

    /** Feeds all of {@code data}; returns what it completed, in order (often nothing). */
    public List<DecodeResult> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Feeds {@code length} bytes of {@code data} from {@code offset}; returns what they completed, in order. */
    public List<DecodeResult> feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        List<DecodeResult> results = new ArrayList<>(2);
        for (int i = offset; i < offset + length; i++) {
            DecodeResult result = step(data[i]);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    /** Feeds one byte; returns the frame or rejection it completed, if any. */
    public Optional<DecodeResult> feed(byte b) {
        return Optional.ofNullable(step(b));
    }

    /** Drops any partial frame and hunts for sync again. */
    public void reset() {
        state = State.HUNT;
        payload = null;
    }

    /** True while part of a frame (at least its sync pair) has been received but not all of it. */
    public boolean inFrame() {
        return state.compareTo(State.TYPE) >= 0;
    }

    /** Bytes discarded so far because they were not part of any frame. */
    public long skippedBytes() {
        return skipped;
    }

    private DecodeResult step(byte b) {
        int v = b & 0xFF;
        switch (state) {
            case HUNT -> {
                if (v == Frame.SYNC0) {
                    state = State.SYNC1;
                } else {
                    skipped++;
                }
            }
            case SYNC1 -> {
                if (v == Frame.SYNC1) {
                    state = State.TYPE;
                } else {
                    skipped++; // the 0xA5 before was not a frame start
                    if (v != Frame.SYNC0) {
                        skipped++;
                        state = State.HUNT;
                    }
                }
            }
            case TYPE -> {
                typeCode = v;
                crc = Crc16.update(Crc16.INIT, b);
                state = State.LEN0;
            }
            case LEN0 -> {
                length = v;
                crc = Crc16.update(crc, b);
                state = State.LEN1;
            }
            case LEN1 -> {
                length |= v << 8;
                crc = Crc16.update(crc, b);
                if (length > Frame.MAX_PAYLOAD) {
                    return rejectLength(v);
                }
                payload = new byte[length];
                received = 0;
                state = length == 0 ? State.CRC0 : State.PAYLOAD;
            }
            case PAYLOAD -> {
                payload[received++] = b;
                crc = Crc16.update(crc, b);
                if (received == length) {
                    state = State.CRC0;
                }
            }
            case CRC0 -> {
                crcOnWire = v;
                state = State.CRC1;
            }
            case CRC1 -> {
                crcOnWire |= v << 8;
                state = State.HUNT;
                return complete();
            }
        }
        return null;
    }

    private DecodeResult rejectLength(int lengthHigh) {
        CorruptFrame rejected = new CorruptFrame(CorruptFrame.Reason.BAD_LENGTH, typeCode, length, String.format(
                "corrupt frame (bad length): header with type 0x%02X announces %d payload bytes, more than the %d a "
                        + "frame may carry; resynchronising from the byte after its sync",
                typeCode, length, Frame.MAX_PAYLOAD));
        // Hunt again from the byte after the rejected 0xA5: 0x5A, type, length low, length high. Four bytes
        // cannot complete a header, so this re-feed reports nothing itself.
        byte[] again = {(byte) Frame.SYNC1, (byte) typeCode, (byte) (length & 0xFF), (byte) lengthHigh};
        state = State.HUNT;
        skipped++; // the rejected 0xA5; the re-fed bytes are counted as they are hunted through
        for (byte x : again) {
            step(x);
        }
        return rejected;
    }

    private DecodeResult complete() {
        byte[] body = payload;
        payload = null;
        if (crcOnWire != crc) {
            return new CorruptFrame(CorruptFrame.Reason.BAD_CRC, typeCode, length, String.format(
                    "corrupt frame (bad CRC): type 0x%02X with %d payload bytes carries CRC 0x%04X but its contents "
                            + "give 0x%04X; frame skipped",
                    typeCode, length, crcOnWire, crc));
        }
        Optional<FrameType> type = FrameType.fromCode(typeCode);
        if (type.isEmpty()) {
            return new CorruptFrame(CorruptFrame.Reason.UNKNOWN_TYPE, typeCode, length, String.format(
                    "frame of unknown type 0x%02X (%d payload bytes, CRC valid); the protocol defines types 0x01-0x%02X",
                    typeCode, length, FrameType.values()[FrameType.values().length - 1].code()));
        }
        return new Frame(type.get(), body);
    }
}
