package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.List;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D, int8: output size and padding prepared here. The interpreter does not rescale
 * between input and output, so both must have the same quantization.
 */
final class PoolLowering {

    private PoolLowering() {
    }

    static KernelCall lowerAverage(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return lower(model, index, op, source, arena, "tinyml_average_pool_s8");
    }

    static KernelCall lowerMax(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return lower(model, index, op, source, arena, "tinyml_max_pool_s8");
    }

    private static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena, String function) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.Pool2D options = LoweringSupport.options(where, op, OperatorOptions.Pool2D.class);
        LoweringSupport.requireArity(where, op, 1, 1);
        boolean isFloat = LoweringSupport.isFloat(model, op);
        Tensor input = LoweringSupport.activation(where, "input", model, op.inputs()[0], isFloat);
        Tensor output = LoweringSupport.activation(where, "output", model, op.outputs()[0], isFloat);
        LoweringSupport.requireStrides(where, options.strideW(), options.strideH());
        if (options.filterW() < 1 || options.filterH() < 1) {
            throw new LoweringException(where + ": filter " + options.filterW() + "x" + options.filterH() + " is empty");
        }
        if (!isFloat) {
            LoweringSupport.requireSameQuantization(where, input, output);
        }
        int[] in = LoweringSupport.shape4(where, "input", input);
        int outHeight = LoweringSupport.outputSize(options.padding(), in[1], options.filterH(), options.strideH());
        int outWidth = LoweringSupport.outputSize(options.padding(), in[2], options.filterW(), options.strideW());
        if (outHeight < 1 || outWidth < 1) {
            throw new LoweringException(where + ": the filter is larger than the input");
        }
        LoweringSupport.requireOutputShape(where, output, new int[] {in[0], outHeight, outWidth, in[3]});
        String params = "op" + index + "_params";
        Object[] geometry = {
                "batches", in[0], "input_height", in[1], "input_width", in[2], "depth", in[3],
                "output_height", outHeight, "output_width", outWidth,
                "filter_height", options.filterH(), "filter_width", options.filterW(),
                "stride_height", options.strideH(), "stride_width", options.strideW(),
                "pad_height", LoweringSupport.paddingBefore(options.strideH(), in[1], options.filterH(), outHeight),
                "pad_width", LoweringSupport.paddingBefore(options.strideW(), in[2], options.filterW(), outWidth)};
        if (isFloat) {
            String[] range = LoweringSupport.floatActivationRange(op.fusedActivation(), where);
            String declarations = LoweringSupport.struct("tinyml_pool_f32_params", params, "window", LoweringSupport.initializer(geometry),
                    "activation_min", range[0], "activation_max", range[1]);
            String call = function.replace("_s8", "_f32") + "(&" + params + ", " + arena.floatPointer(op.inputs()[0]) + ", "
                    + arena.floatPointer(op.outputs()[0]) + ");";
            return new KernelCall("tinyml/kernels/pooling.h", declarations, call, List.of());
        }
        int[] range = LoweringSupport.activationRange(op.fusedActivation(), output.quantization(), where);
        List<Object> fields = new java.util.ArrayList<>(List.of(geometry));
        fields.addAll(List.of("activation_min", range[0], "activation_max", range[1]));
        String declarations = LoweringSupport.struct("tinyml_pool_s8_params", params, fields.toArray());
        String call = function + "(&" + params + ", " + arena.pointer(op.inputs()[0]) + ", " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/pooling.h", declarations, call, List.of());
    }
}
