package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.List;

/**
 * RESHAPE, int8 or float32: the bytes do not change, only the shape, which the compiler already knows from the output tensor.
 * The optional second input (the target shape as a constant tensor) is not needed on the device. The interpreter
 * copies bytes without looking at quantization, and so do we.
 */
final class ReshapeLowering {

    private ReshapeLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 2);
        boolean isFloat = LoweringSupport.isFloat(model, op);
        Tensor input = LoweringSupport.activation(where, "input", model, op.inputs()[0], isFloat);
        Tensor output = LoweringSupport.activation(where, "output", model, op.outputs()[0], isFloat);
        if (op.inputs().length == 2 && op.inputs()[1] >= 0 && !model.tensor(op.inputs()[1]).constant()) {
            throw new LoweringException(where + ": the target shape must be a constant (dynamic shapes are not supported)");
        }
        if (input.elementCount() != output.elementCount()) {
            throw new LoweringException(where + ": input has " + input.elementCount() + " values but output "
                    + java.util.Arrays.toString(output.shape()) + " has " + output.elementCount());
        }
        String call = "tinyml_reshape(" + arena.pointer(op.inputs()[0]) + ", " + arena.pointer(op.outputs()[0]) + ", "
                + input.byteSize() + ");";
        return new KernelCall("tinyml/kernels/reshape.h", "", call, List.of());
    }
}
