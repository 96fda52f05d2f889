package io.tinymlaas.link;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of equal length laid out as a board's frame buffer holds them for {@link FrameType#INFER_LOADED}
 * ({@code FRAME_BATCH_*} in {@code firmware/link/frame.h}): a {@value #HEADER_BYTES}-byte header (the magic "TMLI",
 * bytes per input and number of inputs, uint32 LE each), then the inputs back to back. An emulator loads the file
 * into the frame buffer before boot, where a sensor's DMA would leave its data on a real board.
 */
public final class InputBatch {

    /** The magic, the bytes per input and the number of inputs. */
    public static final int HEADER_BYTES = 12;
    private static final byte[] MAGIC = {'T', 'M', 'L', 'I'};

    private final List<byte[]> inputs;

    private InputBatch(List<byte[]> inputs) {
        this.inputs = inputs;
    }

    /** The inputs as a batch, or empty when there are none or they differ in length (a batch has one input size). */
    public static Optional<InputBatch> of(List<byte[]> inputs) {
        if (inputs.isEmpty() || inputs.stream().anyMatch(input -> input.length != inputs.get(0).length)) {
            return Optional.empty();
        }
        return Optional.of(new InputBatch(List.copyOf(inputs)));
    }

    public int count() {
        return inputs.size();
    }

    public int inputBytes() {
        return inputs.get(0).length;
    }

    /** The batch's size in the frame buffer, header included. */
    public long bytes() {
        return HEADER_BYTES + (long) count() * inputBytes();
    }

    /** Writes the batch, header first, to {@code file} (its folder is made if missing). */
    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TinymlException("cannot make the folder of the input batch " + file + ": " + IoFailure.reason(e), e);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(MAGIC);
            writeU32(out, inputBytes());
            writeU32(out, count());
            for (byte[] input : inputs) {
                out.write(input);
            }
            return file;
        } catch (IOException e) {
            throw new TinymlException("cannot write the input batch " + file + ": " + IoFailure.reason(e), e);
        }
    }

    private static void writeU32(OutputStream out, int value) throws IOException {
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
    }
}
