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
        if (LoweringSupport.isInt16(model, op)) {
            return lowerInt16(model, index, op, arena, where, options.beta());
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

    /**
     * int16 (the 16x8 scheme), as TF Lite 2.6 prepares it: the multiplier input_scale·beta/(10/65535) that maps input
     * differences [-65535, 0] onto the exp table's [-10, 0], and the two 513-entry tables of exp(x) over [-10, 0] and
     * 1/(1 + x) over [0, 1] ({@link #int16Table}).
     */
    private static KernelCall lowerInt16(TfliteModel model, int index, Operator op, CArena arena, String where, float beta) {
        Tensor input = LoweringSupport.int16(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.int16(where, "output", model, op.outputs()[0]);
        if (input.shape().length < 1 || input.shape().length > 4 || !java.util.Arrays.equals(input.shape(), output.shape())
                || input.shape()[input.shape().length - 1] < 1) {
            throw new LoweringException(where + ": input " + java.util.Arrays.toString(input.shape()) + " and output "
                    + java.util.Arrays.toString(output.shape()) + " must have the same shape of 1 to 4 dimensions, the last "
                    + "not empty (the interpreter's int16 kernel)");
        }
        int depth = input.shape()[input.shape().length - 1];
        QuantizedMultiplier multiplier = QuantizedMultiplier.of(input.quantization().scale() * (double) beta / (10.0 / 65535.0));
        String prefix = "op" + index;
        StringBuilder declarations = new StringBuilder();
        declarations.append(int16Array(prefix + "_exp", int16Table(Math::exp, -10.0, 0.0), "exp(x), x in [-10, 0]"));
        declarations.append(int16Array(prefix + "_reciprocal", int16Table(x -> 1.0 / (1.0 + x), 0.0, 1.0),
                "1 / (1 + x), x in [0, 1]"));
        declarations.append(LoweringSupport.struct("tinyml_softmax_s16_params", prefix + "_params", "rows",
                input.elementCount() / depth, "depth", depth, "input_multiplier", multiplier.multiplier(),
                "input_shift", multiplier.shift(), "exp_table", prefix + "_exp", "reciprocal_table", prefix + "_reciprocal"));
        String call = "tinyml_softmax_s16(&" + prefix + "_params, " + arena.int16Pointer(op.inputs()[0]) + ", "
                + arena.int16Pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/softmax.h", declarations.toString(), call, List.of(), 2 * INT16_TABLE * Short.BYTES);
    }

    private static final int INT16_TABLE = 513;

    /**
     * The interpreter's int16 table of {@code function} over [min, max], in double: 513 samples in Q0.15, each but the last
     * lowered by half the error a linear interpolation would make at the midpoint to the next (all rounded half away from
     * zero), so interpolating between entries is closer on average; clamped to int16.
     */
    static int[] int16Table(java.util.function.DoubleUnaryOperator function, double min, double max) {
        double step = (max - min) / (INT16_TABLE - 1);
        double halfStep = step / 2.0;
        int[] table = new int[INT16_TABLE];
        for (int i = 0; i < INT16_TABLE - 1; i++) {
            double sample = round(function.applyAsDouble(min + i * step) * 32768.0);
            double interpolatedMidpoint = round((function.applyAsDouble(min + (i + 1) * step) * 32768.0 + sample) / 2.0);
            double midpoint = round(function.applyAsDouble(min + i * step + halfStep) * 32768.0);
            double bias = round((interpolatedMidpoint - midpoint) / 2.0);
            table[i] = (int) Math.min(Math.max(sample - bias, -32768.0), 32767.0);
        }
        table[INT16_TABLE - 1] = (int) Math.min(Math.max(round(function.applyAsDouble(max) * 32768.0), -32768.0), 32767.0);
        return table;
    }

    /** std::round: half away from zero. */
    private static double round(double value) {
        return Math.copySign(Math.floor(Math.abs(value) + 0.5), value);
    }

    private static String int16Array(String name, int[] values, String comment) {
        StringBuilder c = new StringBuilder("/* ").append(comment).append(", Q0.15 */\n");
        c.append("static const int16_t ").append(name).append('[').append(values.length).append("] = {");
        for (int i = 0; i < values.length; i++) {
            c.append(i % 16 == 0 ? "\n    " : " ").append(values[i]).append(',');
        }
        return c.append("\n};\n").toString();
    }
}
