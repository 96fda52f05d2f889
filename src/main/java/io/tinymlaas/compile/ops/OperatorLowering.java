package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.TfliteModel;

/** Lowers one operator of a model to C: checks what the kernel supports, prepares its parameters, emits the call. */
@FunctionalInterface
public interface OperatorLowering {

    KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena);
}
