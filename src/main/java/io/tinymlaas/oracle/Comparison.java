package io.tinymlaas.oracle;

import java.util.List;

/** How far our outputs are from the reference interpreter's, in int8 steps (LSB), over {@code inputs} inferences. */
public record Comparison(int inputs, int mismatchedInputs, int maxAbsDiffLsb, int firstMismatch) {

    /** Compares each of {@code ours} with the reference output at the same index, byte by byte as int8. */
    public static Comparison of(List<byte[]> ours, List<byte[]> reference) {
        int mismatched = 0;
        int maxDiff = 0;
        int first = -1;
        for (int i = 0; i < reference.size(); i++) {
            byte[] mine = ours.get(i);
            byte[] expected = reference.get(i);
            int diff = 0;
            for (int j = 0; j < expected.length; j++) {
                diff = Math.max(diff, Math.abs(mine[j] - expected[j]));
            }
            if (diff > 0) {
                mismatched++;
                first = first < 0 ? i : first;
            }
            maxDiff = Math.max(maxDiff, diff);
        }
        return new Comparison(reference.size(), mismatched, maxDiff, first);
    }

    public boolean bitIdentical() {
        return mismatchedInputs == 0;
    }
}
