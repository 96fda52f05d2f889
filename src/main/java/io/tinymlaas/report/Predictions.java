package io.tinymlaas.report;

import java.util.List;

/**
 * A model of one number to one number (hello_world) on the held-out inputs {@code x}: what it should answer
 * ({@code expected}, named by {@code truth}, e.g. "sin(x)"), the int8 model's dequantized outputs from the reference
 * interpreter, and from the target (null before the target has run; it may have run the first inputs only).
 */
public record Predictions(String truth, List<Double> x, List<Double> expected, List<Double> reference, List<Double> target) {
}
