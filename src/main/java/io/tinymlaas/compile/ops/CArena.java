package io.tinymlaas.compile;

/** Names in the generated C: arena pointers for activations, one array per constant tensor. */
final class CArena {

    private final MemoryPlan plan;

    CArena(MemoryPlan plan) {
        this.plan = plan;
    }

    String pointer(int tensor) {
        return "(tinyml_arena + " + plan.offsetOf(tensor) + ")";
    }

    /** The same place seen as float32 values (arena offsets are word-aligned). */
    String floatPointer(int tensor) {
        return "((float *)(tinyml_arena + " + plan.offsetOf(tensor) + "))";
    }

    static String constantName(int tensor) {
        return "tensor" + tensor;
    }
}
