package io.tinymlaas.runner;

import java.util.List;

/**
 * One "infer N W" as the runner sees it: the two lap times (microseconds of the device's clock) around the N timed runs,
 * and the results of the last run as printed (dequantized, six decimals).
 */
public record RunnerInference(int iterations, int warmups, long startUs, long endUs, List<String> results) {

    public RunnerInference {
        results = List.copyOf(results);
    }

    public long elapsedUs() {
        return endUs - startUs;
    }

    /** Mean time per inference, as the runner computes its throughput. */
    public double microsecondsPerInference() {
        return (double) elapsedUs() / iterations;
    }
}
