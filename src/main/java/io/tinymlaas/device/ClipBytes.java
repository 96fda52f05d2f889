package io.tinymlaas.device;

import io.tinymlaas.data.audio.FrontEndTables;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Clips as every C front end reads them: {@value FrontEndTables#CLIP} little-endian int16 samples each. */
final class ClipBytes {

    private ClipBytes() {
    }

    /** Every clip's bytes, in order; the first clip of another length is refused, by its index. */
    static List<byte[]> of(List<short[]> clips) {
        List<byte[]> inputs = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            inputs.add(of(clips.get(i), i));
        }
        return inputs;
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
