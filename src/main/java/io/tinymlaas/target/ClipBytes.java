package io.tinymlaas.target;

import io.tinymlaas.data.audio.FrontEndTables;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Clips as every C front end reads them: {@value FrontEndTables#CLIP} little-endian int16 samples each. */
final class ClipBytes {

    private ClipBytes() {
    }

    /** The clip's bytes; a clip of any other length is refused before it reaches a device. */
    static byte[] of(short[] clip, int index) {
        if (clip.length != FrontEndTables.CLIP) {
            throw new TargetException("clip " + index + " has " + clip.length + " samples; the audio front end takes clips of "
                    + FrontEndTables.CLIP + " (one second at " + FrontEndTables.SAMPLE_RATE + " Hz)");
        }
        ByteBuffer pcm = ByteBuffer.allocate(2 * clip.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : clip) {
            pcm.putShort(s);
        }
        return pcm.array();
    }
}
