package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.InterruptedFlash;
import io.tinymlaas.device.firmware.ProgramSize;
import io.tinymlaas.oracle.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An over-the-air update of one emulated device: build the firmware for its board, flash it, and verify that the device
 * boots into it — its HELLO names the new model — and that a test inference is bit-identical to the reference
 * interpreter's. The caller keeps the images (a device's flash), so it can flash the previous one back.
 */
public final class FirmwareUpdate {

    /** Enough inputs to catch firmware that boots but computes wrong, few enough to keep an update quick. */
    static final int TEST_INFERENCES = 3;
    private static final long TEST_SEED = 20261207L;

    /** A firmware image as a device holds it, with the model it runs, that model's input size and the sections' sizes. */
    public record Image(byte[] elf, String sha256, String modelHash, int inputBytes, long text, long data, long bss) {

        public static Image of(byte[] elf, String modelHash, int inputBytes, ProgramSize size) {
            return new Image(elf, Hashes.sha256(elf), modelHash, inputBytes, size.text(), size.data(), size.bss());
        }

        public ProgramSize size() {
            return new ProgramSize(text, data, bss);
        }

        /** What a flash cut off halfway leaves on the device: the rest of its firmware erased. */
        public Image interruptedHalfway() {
            byte[] written = InterruptedFlash.of(elf, 0.5);
            return new Image(written, Hashes.sha256(written), modelHash, inputBytes, text, data, bss);
        }
    }

    /** Whether a device runs what it should, and what was seen. */
    public record Verification(boolean passed, String detail, Long instructions) {
    }

    private final BoardTarget board;
    private final Path workDirectory;

    public FirmwareUpdate(BoardTarget board, Path workDirectory) {
        this.board = board;
        this.workDirectory = workDirectory;
    }

    /** The firmware for the model on this board; a model too big for the board is refused here, before any flash. */
    public Image build(CompiledFile model) {
        Firmware firmware = board.build(model.compiled());
        try {
            return Image.of(Files.readAllBytes(firmware.elf()), model.compiled().modelHash(), model.compiled().inputBytes(),
                    firmware.size());
        } catch (IOException e) {
            throw new TinymlException("cannot read the firmware " + firmware.elf() + ": " + IoFailure.reason(e), e);
        }
    }

    /** Boots the image and checks the model's test inferences against the reference interpreter. */
    public Verification verify(Image image, CompiledFile model) {
        List<byte[]> inputs = testInputs(model.compiled().inputBytes());
        try {
            TargetRun run = board.runImage(write(image), image.modelHash(), image.size(), inputs);
            Comparison comparison = Comparison.of(run.outputs(), NetworkTester.reference(model, inputs));
            Long instructions = run.instructions().isEmpty() ? null : run.instructions().get(0);
            return comparison.bitIdentical()
                    ? new Verification(true, "HELLO names model " + image.modelHash() + "; " + inputs.size()
                            + " test inferences bit-identical to the reference interpreter", instructions)
                    : new Verification(false, comparison.mismatchedInputs() + " of " + inputs.size()
                            + " test inferences differ from the reference interpreter, by up to " + comparison.maxAbsDiffLsb()
                            + " LSB", instructions);
        } catch (TinymlException e) {
            return new Verification(false, e.getMessage(), null);
        }
    }

    /** Boots an image the device ran before and checks that it answers as that model: what a rollback must show. */
    public Verification verifyBoots(Image image) {
        try {
            TargetRun run = board.runImage(write(image), image.modelHash(), image.size(), testInputs(image.inputBytes()).subList(0, 1));
            return new Verification(true, "HELLO names model " + image.modelHash() + " and it answers an inference",
                    run.instructions().isEmpty() ? null : run.instructions().get(0));
        } catch (TinymlException e) {
            return new Verification(false, e.getMessage(), null);
        }
    }

    private Path write(Image image) {
        Path file = workDirectory.resolve(image.sha256().substring(0, 16) + ".elf");
        try {
            Files.createDirectories(workDirectory);
            Files.write(file, image.elf());
            return file;
        } catch (IOException e) {
            throw new TinymlException("cannot write the firmware image " + file + ": " + IoFailure.reason(e), e);
        }
    }

    private static List<byte[]> testInputs(int inputBytes) {
        Random random = new Random(TEST_SEED);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < TEST_INFERENCES; i++) {
            byte[] input = new byte[inputBytes];
            random.nextBytes(input);
            inputs.add(input);
        }
        return inputs;
    }
}
