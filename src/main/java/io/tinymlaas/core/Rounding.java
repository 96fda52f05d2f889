package io.tinymlaas.core;

/** Rounding as TensorFlow Lite does it (std::round: halves away from zero), unlike Java's Math.round. */
public final class Rounding {

    private Rounding() {
    }

    public static long halfAwayFromZero(double value) {
        return (long) (value < 0 ? -Math.floor(-value + 0.5) : Math.floor(value + 0.5));
    }
}
