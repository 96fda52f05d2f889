package io.tinymlaas.app;

import java.util.List;

/**
 * The CTO's board matrix as jobs: the whole lifecycle of one example on each target ("all": x86 and every board), each
 * cell a pipeline run that any worker may take. Every cell trains from the same data and seed, so every cell makes the
 * same model, byte for byte.
 */
public record MatrixRequest(String example, List<String> targets, String dataVersion, Long seed) {
}
