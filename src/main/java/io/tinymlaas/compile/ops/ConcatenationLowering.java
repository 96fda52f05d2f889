package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CONCATENATION, int8 or float32 (copied as bytes), along any axis of up to four dimensions. TF Lite 2.6 requires every int8 input to have the
 * output's scale and zero point (no rescaling) and no fused activation; so do we. Inputs may be activations or
 * constant tensors. Prepared here: the number of outer slices and each input's bytes per slice.
 */
final class ConcatenationLowering {

    private ConcatenationLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.Concatenation options = LoweringSupport.options(where, op, OperatorOptions.Concatenation.class);
        if (op.inputs().length < 1 || op.outputs().length != 1) {
            throw new LoweringException(where + ": expected at least one input and one output");
        }
        if (op.fusedActivation() != Activation.NONE) {
            throw new LoweringException(where + ": fused activation " + op.fusedActivation()
                    + " is not supported (the interpreter requires NONE)");
        }
        boolean isFloat = model.tensor(op.outputs()[0]).type() == io.tinymlaas.tflite.TensorType.FLOAT32;
        Tensor output = LoweringSupport.activation(where, "output", model, op.outputs()[0], isFloat);
        if (!isFloat) {
            LoweringSupport.perTensor(where, "output", output);
        }
        int rank = output.shape().length;
        if (rank < 1 || rank > 4) {
            throw new LoweringException(where + ": output has " + rank + " dimensions; 1 to 4 are supported");
        }
        int axis = options.axis() < 0 ? options.axis() + rank : options.axis();
        if (axis < 0 || axis >= rank) {
            throw new LoweringException(where + ": axis " + options.axis() + " is outside the " + rank + " dimensions");
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= output.shape()[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < rank; d++) {
            inner *= output.shape()[d];
        }
        int[] sizes = new int[op.inputs().length];
        List<String> pointers = new ArrayList<>();
        List<Integer> constants = new ArrayList<>();
        int[] expected = output.shape().clone();
        expected[axis] = 0;
        for (int i = 0; i < op.inputs().length; i++) {
            if (op.inputs()[i] < 0) {
                throw new LoweringException(where + ": input " + i + " is missing");
            }
            Tensor input = LoweringSupport.activation(where, "input " + i, model, op.inputs()[i], isFloat);
            if (!isFloat) {
                LoweringSupport.perTensor(where, "input " + i, input);
                LoweringSupport.requireSameQuantization(where, input, output);
            }
            int[] shape = input.shape();
            for (int d = 0; d < rank; d++) {
                if (shape.length != rank || (d != axis && shape[d] != output.shape()[d])) {
                    throw new LoweringException(where + ": input " + i + " has shape " + Arrays.toString(shape)
                            + ", which does not fit the output " + Arrays.toString(output.shape()) + " along axis " + axis);
                }
            }
            expected[axis] += shape[axis];
            sizes[i] = shape[axis] * inner * output.type().bytes();
            pointers.add((isFloat && input.constant() ? "(const int8_t *)" : "")
                    + LoweringSupport.operand(model, op.inputs()[i], arena, constants));
        }
        LoweringSupport.requireOutputShape(where, output, expected);
        String prefix = "op" + index;
        StringBuilder declarations = new StringBuilder();
        declarations.append(LoweringSupport.int32Array(prefix + "_sizes", sizes, "bytes per outer slice of each input"));
        declarations.append("static const int8_t *const ").append(prefix).append("_inputs[").append(pointers.size())
                .append("] = {").append(String.join(", ", pointers)).append("};\n");
        declarations.append(LoweringSupport.struct("tinyml_concatenation_s8_params", prefix + "_params",
                "input_count", sizes.length, "outer_size", outer, "copy_sizes", prefix + "_sizes", "inputs", prefix + "_inputs"));
        String call = "tinyml_concatenation_s8(&" + prefix + "_params, " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/concatenation.h", declarations.toString(), call, constants, sizes.length * 8);
    }
}
