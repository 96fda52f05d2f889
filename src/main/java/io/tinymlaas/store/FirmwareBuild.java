package io.tinymlaas.store;

import java.time.Instant;

/**
 * Firmware built from a model's int8 .tflite for one board.
 *
 * @param instructions the instructions one inference took on the board; null when it was not run
 * @param bitIdentical whether the board's outputs matched the reference interpreter's byte for byte
 * @param runId        the pipeline run that built it; null when built outside a pipeline
 */
public record FirmwareBuild(String board, String tfliteSha256, long flashBytes, long ramBytes, Long instructions,
                            boolean bitIdentical, Instant builtAt, Long runId) {
}
