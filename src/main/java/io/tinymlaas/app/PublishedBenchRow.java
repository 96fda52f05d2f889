package io.tinymlaas.app;

import java.nio.file.Path;

/**
 * A published model's shape benchmarked on a board: mean instructions per inference and estimated cycles and
 * milliseconds at the board's clock (null where the emulator gives no estimate), footprint, how many of the
 * inputs gave outputs other than the reference interpreter's (and by how many LSB at most), and the bench file
 * (written only when every output was identical).
 */
public record PublishedBenchRow(String model, String description, String board, long instructionsPerInference,
                                Long estimatedCycles, Double estimatedMilliseconds,
                                long flashBytes, long ramBytes, int arenaBytes, int inputs, int mismatchedInputs,
                                int maxDiffLsb, Path file) {

    public boolean bitIdentical() {
        return mismatchedInputs == 0;
    }
}
