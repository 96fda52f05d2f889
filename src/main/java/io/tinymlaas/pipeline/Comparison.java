package io.tinymlaas.pipeline;

/** How far our outputs are from the reference interpreter's, in int8 steps (LSB), over {@code inputs} inferences. */
public record Comparison(int inputs, int mismatchedInputs, int maxAbsDiffLsb, int firstMismatch) {

    public boolean bitIdentical() {
        return mismatchedInputs == 0;
    }
}
