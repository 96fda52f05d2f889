package io.tinymlaas.compile.ops;

import java.util.function.IntUnaryOperator;

/** Names in the generated C: arena pointers for activations, one array per constant tensor. */
public final class CArena {

    private final IntUnaryOperator offsets;

    /** {@code offsets} gives each activation tensor's offset in the arena (the memory plan). */
    public CArena(IntUnaryOperator offsets) {
        this.offsets = offsets;
    }

    public String pointer(int tensor) {
        return "(tinyml_arena + " + offsets.applyAsInt(tensor) + ")";
    }

    /** The same place seen as float32 values (arena offsets are word-aligned). */
    String floatPointer(int tensor) {
        return "((float *)(tinyml_arena + " + offsets.applyAsInt(tensor) + "))";
    }

    /** The same place seen as int16 values (the 16x8 scheme's activations; offsets are word-aligned). */
    String int16Pointer(int tensor) {
        return "((int16_t *)(tinyml_arena + " + offsets.applyAsInt(tensor) + "))";
    }

    public static String constantName(int tensor) {
        return "tensor" + tensor;
    }
}
