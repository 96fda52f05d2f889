package io.tinymlaas.app;

import java.nio.file.Path;

/** A finished board matrix as the command line shows it: its cells, the Markdown table and the matrix.json beside matrix.md. */
public record WrittenMatrix(MatrixView matrix, String markdown, Path file) {
}
