package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.Arrays;
import java.util.List;

/**
 * PAD, int8 or float32 (padded with 0.0f), up to four dimensions, with constant int32 paddings. The padding value is the output zero point (as
 * TF Lite 2.6 does without constant_values); input and output must share their quantization, since the interpreter
 * copies values without rescaling.
 */
final class PadLowering {

    private PadLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 2, 2);
        boolean isFloat = LoweringSupport.isFloat(model, op);
        Tensor input = LoweringSupport.activation(where, "input", model, op.inputs()[0], isFloat);
        Tensor output = LoweringSupport.activation(where, "output", model, op.outputs()[0], isFloat);
        if (!isFloat) {
            LoweringSupport.perTensor(where, "input", input);
            LoweringSupport.perTensor(where, "output", output);
            LoweringSupport.requireSameQuantization(where, input, output);
        }
        int rank = input.shape().length;
        if (rank > 4) {
            throw new LoweringException(where + ": input has " + rank + " dimensions; at most 4 are supported");
        }
        Tensor paddings = model.tensor(op.inputs()[1]);
        int[] values = LoweringSupport.int32Constant(where, "paddings", paddings);
        if (!Arrays.equals(paddings.shape(), new int[] {rank, 2})) {
            throw new LoweringException(where + ": paddings have shape " + Arrays.toString(paddings.shape()) + "; ["
                    + rank + ", 2] expected");
        }
        int[] in4 = {1, 1, 1, 1};
        int[] before4 = new int[4];
        int[] out4 = {1, 1, 1, 1};
        int[] expected = new int[rank];
        for (int d = 0; d < rank; d++) {
            int before = values[2 * d];
            int after = values[2 * d + 1];
            if (before < 0 || after < 0) {
                throw new LoweringException(where + ": negative padding " + before + ", " + after + " in dimension " + d);
            }
            expected[d] = input.shape()[d] + before + after;
            in4[4 - rank + d] = input.shape()[d];
            before4[4 - rank + d] = before;
            out4[4 - rank + d] = expected[d];
        }
        LoweringSupport.requireOutputShape(where, output, expected);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_pad_s8_params", params, "input_dims", LoweringSupport.list(in4),
                "output_dims", LoweringSupport.list(out4), "before", LoweringSupport.list(before4), "pad_value", isFloat ? 0 : output.quantization().zeroPoint());
        String call = isFloat
                ? "tinyml_pad_f32(&" + params + ", " + arena.floatPointer(op.inputs()[0]) + ", " + arena.floatPointer(op.outputs()[0]) + ");"
                : "tinyml_pad_s8(&" + params + ", " + arena.pointer(op.inputs()[0]) + ", " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/pad.h", declarations, call, List.of());
    }

}
