package io.tinymlaas.compile;

/** An activation tensor that needs {@code bytes} of arena from operator {@code firstOp} to {@code lastOp}, inclusive. */
public record TensorLifetime(int tensor, int bytes, int firstOp, int lastOp) {

    boolean overlapsInTime(TensorLifetime other) {
        return firstOp <= other.lastOp && other.firstOp <= lastOp;
    }
}
