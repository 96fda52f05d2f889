package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.List;

/**
 * SOFTMAX, int8 in and out, along the last dimension. The output must have scale 1/256 and zero point -128 as the
 * quantization spec requires. Prepared here: the 256-entry float table of exp(-input_scale·beta·d) that TF Lite
 * 2.6's optimized kernel builds at prepare time, emitted as exact hexadecimal float literals.
 */
final class SoftmaxLowering {

    private SoftmaxLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return lower(model, index, op, source, arena, false);
    }

    /**
     * int8 SOFTMAX as TFLM computes it: gemmlowp's fixed-point exponentials (a table of 256 int32, {@link
     * TflmTables#softmaxExp}), their sum in Q12.19, its reciprocal by Newton-Raphson, all in the kernel
     * tinyml_softmax_s8_tflm. float32 as the common lowering.
     */
    static KernelCall lowerTflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return lower(model, index, op, source, arena, true);
    }

    private static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena, boolean tflm) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.Softmax options = LoweringSupport.options(where, op, OperatorOptions.Softmax.class);
        LoweringSupport.requireArity(where, op, 1, 1);
        if (LoweringSupport.isFloat(model, op)) {
            return lowerFloat(model, index, op, arena, where, options.beta());
        }
        Tensor input = LoweringSupport.int8(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.int8(where, "output", model, op.outputs()[0]);
        Quantization out = output.quantization();
        if (out.scale() != 1f / 256 || out.zeroPoint() != -128) {
            throw new LoweringException(where + ": int8 output must have scale 1/256 and zero point -128, found scale "
                    + out.scale() + " zero point " + out.zeroPoint());
        }
        if (input.shape().length < 1 || !java.util.Arrays.equals(input.shape(), output.shape())) {
            throw new LoweringException(where + ": input " + java.util.Arrays.toString(input.shape()) + " and output "
                    + java.util.Arrays.toString(output.shape()) + " must have the same, non-scalar shape");
        }
        int depth = input.shape()[input.shape().length - 1];
        if (depth < 1) {
            throw new LoweringException(where + ": the last dimension is empty");
        }
        int rows = (int) (input.elementCount() / depth);
        if (tflm) {
            return tflm(index, op, arena, rows, depth, TflmTables.softmaxExp(input.quantization().scale(), options.beta(), where));
        }
        float[] table = table(input.quantization().scale(), options.beta());
        if (!Float.isFinite(table[0]) || !Float.isFinite(table[255])) {
            throw new LoweringException(where + ": beta " + options.beta() + " with input scale " + input.quantization().scale()
                    + " overflows the exponential table");
        }

        String prefix = "op" + index;
        StringBuilder declarations = new StringBuilder();
        declarations.append("/* exp(-input_scale * beta * (255 - i)) */\n");
        declarations.append("static const float ").append(prefix).append("_table[256] __attribute__((aligned(4))) = {");
        for (int i = 0; i < table.length; i++) {
            declarations.append(i % 6 == 0 ? "\n    " : " ").append(LoweringSupport.floatLiteral(table[i])).append(',');
        }
        declarations.append("\n};\n");
        declarations.append(LoweringSupport.struct("tinyml_softmax_s8_params", prefix + "_params", "rows", rows, "depth", depth,
                "output_scale", LoweringSupport.floatLiteral(out.scale()), "output_zero_point", out.zeroPoint(), "table", prefix + "_table"));
        String call = "tinyml_softmax_s8(&" + prefix + "_params, " + arena.pointer(op.inputs()[0]) + ", "
                + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/softmax.h", declarations.toString(), call, List.of(), table.length * Float.BYTES);
    }

    private static KernelCall tflm(int index, Operator op, CArena arena, int rows, int depth, int[] exp) {
        String prefix = "op" + index;
        StringBuilder declarations = new StringBuilder();
        declarations.append("/* TFLM's exp of the scaled input difference d - 255, Q0.31 */\n");
        declarations.append("static const int32_t ").append(prefix).append("_exp[256] __attribute__((aligned(4))) = {");
        for (int i = 0; i < exp.length; i++) {
            declarations.append(i % 8 == 0 ? "\n    " : " ").append(exp[i]).append(',');
        }
        declarations.append("\n};\n");
        declarations.append(LoweringSupport.struct("tinyml_softmax_s8_tflm_params", prefix + "_params", "rows", rows, "depth", depth,
                "exp_table", prefix + "_exp"));
        String call = "tinyml_softmax_s8_tflm(&" + prefix + "_params, " + arena.pointer(op.inputs()[0]) + ", "
                + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/softmax.h", declarations.toString(), call, List.of(), exp.length * Integer.BYTES);
    }

    private static KernelCall lowerFloat(TfliteModel model, int index, Operator op, CArena arena, String where, float beta) {
        Tensor input = LoweringSupport.float32(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.float32(where, "output", model, op.outputs()[0]);
        if (input.shape().length < 1 || !java.util.Arrays.equals(input.shape(), output.shape())
                || input.shape()[input.shape().length - 1] < 1) {
            throw new LoweringException(where + ": input " + java.util.Arrays.toString(input.shape()) + " and output "
                    + java.util.Arrays.toString(output.shape()) + " must have the same, non-scalar, non-empty shape");
        }
        int depth = input.shape()[input.shape().length - 1];
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_softmax_f32_params", params, "rows", input.elementCount() / depth,
                "depth", depth, "beta", LoweringSupport.floatLiteral(beta));
        String call = "tinyml_softmax_f32(&" + params + ", " + arena.floatPointer(op.inputs()[0]) + ", "
                + arena.floatPointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/softmax.h", declarations, call, List.of());
    }

    /**
     * The interpreter's table: entry 255 − d holds expf(scale·d) with scale = −input_scale·beta, all in float, and
     * expf as the interpreter's libm computes it ({@link Expf}).
     */
    static float[] table(float inputScale, float beta) {
        float scale = -inputScale * beta;
        float[] table = new float[256];
        for (int d = 0; d <= 255; d++) {
            table[255 - d] = Expf.expf(scale * (float) d);
        }
        return table;
    }

}
