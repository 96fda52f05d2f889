package io.tinymlaas.app;

import java.util.Arrays;

/** One client's answered requests of one kind, as latencies, and its failed ones; filled by one thread only. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private int errors;
    private String firstError;

    void answered(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    void failed(String what) {
        if (errors++ == 0) {
            firstError = what;
        }
    }

    long[] nanos() {
        return Arrays.copyOf(nanos, count);
    }

    int errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }
}
