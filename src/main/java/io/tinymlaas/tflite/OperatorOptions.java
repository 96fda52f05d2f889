package io.tinymlaas.tflite;

import java.util.Arrays;

/**
 * The builtin options of an operator that the compiler needs, one record per options table of the schema; each is
 * read and written by its table in {@link Operators}. The fused activation stays in {@link Operator#fusedActivation()};
 * operators without options we read carry {@link #NONE}.
 */
public sealed interface OperatorOptions {

    None NONE = new None();

    /** How a window is placed over the input; codes as in the schema's Padding enum. */
    enum Padding {
        SAME(0), VALID(1);

        private final byte code;

        Padding(int code) {
            this.code = (byte) code;
        }

        public byte code() {
            return code;
        }

        public static Padding fromCode(byte code, String where) {
            for (Padding padding : values()) {
                if (padding.code == code) {
                    return padding;
                }
            }
            throw new ModelFormatException(where + ": padding code " + code + " is not SAME or VALID");
        }
    }

    /** No options (or options of a table we do not read). */
    record None() implements OperatorOptions {
    }

    /** Conv2DOptions. */
    record Conv2D(Padding padding, int strideW, int strideH, int dilationW, int dilationH) implements OperatorOptions {
    }

    /** DepthwiseConv2DOptions. */
    record DepthwiseConv2D(Padding padding, int strideW, int strideH, int depthMultiplier, int dilationW, int dilationH)
            implements OperatorOptions {
    }

    /** Pool2DOptions, shared by AVERAGE_POOL_2D and MAX_POOL_2D. */
    record Pool2D(Padding padding, int strideW, int strideH, int filterW, int filterH) implements OperatorOptions {
    }

    /** ReshapeOptions; {@code newShape} may be null when the target shape is only given as the second input tensor. */
    record Reshape(int[] newShape) implements OperatorOptions {

        @Override
        public boolean equals(Object other) {
            return other instanceof Reshape r && Arrays.equals(newShape, r.newShape);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(newShape);
        }

        @Override
        public String toString() {
            return "Reshape[newShape=" + Arrays.toString(newShape) + "]";
        }
    }

    /** SoftmaxOptions. */
    record Softmax(float beta) implements OperatorOptions {
    }

    /**
     * AddOptions (its fused activation is {@link Operator#fusedActivation()}). {@code potScaleInt16}: an int16 ADD whose
     * scales are all powers of two takes the interpreter's shift-only path; the schema's default is true, our own
     * models write false (the general path).
     */
    record Add(boolean potScaleInt16) implements OperatorOptions {

        public Add() {
            this(false);
        }
    }

    /** MulOptions (its fused activation is {@link Operator#fusedActivation()}). */
    record Mul() implements OperatorOptions {
    }

    /** ConcatenationOptions: the axis, negative counting from the last (its fused activation is on the operator). */
    record Concatenation(int axis) implements OperatorOptions {
    }

    /** ReducerOptions, shared by MEAN, SUM and the other reductions. */
    record Reducer(boolean keepDims) implements OperatorOptions {
    }

    /** PadOptions (an empty table; the paddings are the second input). */
    record Pad() implements OperatorOptions {
    }

    /**
     * UnidirectionalSequenceLSTMOptions (its fused activation, the cell's output activation, is on the operator).
     * Clips of 0 mean no clipping; {@code timeMajor} orders the input [time, batch, features] instead of
     * [batch, time, features].
     */
    record UnidirectionalSequenceLstm(float cellClip, float projClip, boolean timeMajor) implements OperatorOptions {
    }
}
