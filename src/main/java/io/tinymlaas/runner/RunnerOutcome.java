package io.tinymlaas.runner;

import java.util.List;

/**
 * A board driven through MLPerf Tiny's runner protocol: what it answered to name and profile, the "infer" with its lap
 * times, the results it printed, and what it must print for the reference interpreter's output on the same input.
 */
public record RunnerOutcome(String board, String deviceName, RunnerProfile profile, int inputBytes, RunnerInference inference,
                            List<String> reference, long flashBytes, long ramBytes) {

    public RunnerOutcome {
        reference = List.copyOf(reference);
    }

    /** How many "db" commands carried the input. */
    public int dbCommands() {
        return (inputBytes + RunnerSession.BYTES_PER_DB - 1) / RunnerSession.BYTES_PER_DB;
    }

    /** The printed results equal, character for character, the dequantized reference output. */
    public boolean matchesReference() {
        return inference.results().equals(reference);
    }
}
