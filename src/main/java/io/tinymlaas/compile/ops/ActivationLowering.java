package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.List;

/**
 * The standalone activation operators, int8, any shape (input and output of the same shape):
 * <ul>
 * <li>RELU and RELU6: the interpreter requantizes input_scale/output_scale (multiplier prepared here, applied with
 * double rounding by the kernel) and clamps to the activation range (roundf of 0 and 6 over the output scale).</li>
 * <li>LOGISTIC and TANH: TF Lite 2.6's optimized int8 kernels look every value up in a 256-entry table that they
 * fill at prepare time in float (dequantize, expf/tanhf of glibc, scale, roundf). The same table is computed here
 * with {@link Expf} and {@link Tanhf}, which reproduce the host libm bit for bit. The spec fixes the output
 * quantization: 1/256 and −128 for LOGISTIC, 1/128 and 0 for TANH.</li>
 * </ul>
 */
final class ActivationLowering {

    private ActivationLowering() {
    }

    static KernelCall lowerRelu(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return relu(model, index, op, source, arena, Activation.RELU);
    }

    static KernelCall lowerRelu6(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return relu(model, index, op, source, arena, Activation.RELU6);
    }

    private static KernelCall relu(TfliteModel model, int index, Operator op, String source, CArena arena, Activation activation) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 1);
        if (LoweringSupport.isFloat(model, op)) {
            int size = floatSameShape(model, op, where);
            String[] range = LoweringSupport.floatActivationRange(activation, where);
            String params = "op" + index + "_params";
            String declarations = LoweringSupport.struct("tinyml_relu_f32_params", params, "size", size,
                    "activation_min", range[0], "activation_max", range[1]);
            String call = "tinyml_relu_f32(&" + params + ", " + arena.floatPointer(op.inputs()[0]) + ", "
                    + arena.floatPointer(op.outputs()[0]) + ");";
            return new KernelCall("tinyml/kernels/relu.h", declarations, call, List.of());
        }
        Tensor input = LoweringSupport.int8(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.int8(where, "output", model, op.outputs()[0]);
        LoweringSupport.requireSameShape(where, input, output);
        Quantization in = LoweringSupport.perTensor(where, "input", input);
        Quantization out = LoweringSupport.perTensor(where, "output", output);
        QuantizedMultiplier multiplier = QuantizedMultiplier.forRelu(in.scale(), out.scale());
        int[] range = LoweringSupport.activationRange(activation, out, where);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_relu_s8_params", params, "size", input.elementCount(),
                "input_zero_point", in.zeroPoint(), "output_zero_point", out.zeroPoint(),
                "output_multiplier", multiplier.multiplier(), "output_shift", multiplier.shift(),
                "activation_min", range[0], "activation_max", range[1]);
        String call = "tinyml_relu_s8(&" + params + ", " + arena.pointer(op.inputs()[0]) + ", " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/relu.h", declarations, call, List.of());
    }

    static KernelCall lowerLogistic(TfliteModel model, int index, Operator op, String source, CArena arena) {
        if (LoweringSupport.isInt16(model, op)) {
            return sigmoidTable16(model, index, op, source, arena, "tinyml_logistic_s16", 0);
        }
        if (LoweringSupport.isFloat(model, op)) {
            return libm(model, index, op, source, arena, "tinyml_logistic_f32");
        }
        return lookupTable(model, index, op, source, arena, 1f / 256, -128,
                (in, out) -> table(in, out, x -> 1f / (1f + Expf.expf(-x))), "1 / (1 + expf(-x))");
    }

    /** LOGISTIC as TFLM computes int8 (gemmlowp's fixed-point logistic, {@link TflmTables#logistic}). */
    static KernelCall lowerLogisticTflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        if (LoweringSupport.isFloat(model, op)) {
            return lowerLogistic(model, index, op, source, arena);
        }
        return lookupTable(model, index, op, source, arena, 1f / 256, -128, (in, out) -> TflmTables.logistic(in),
                "TFLM's fixed-point logistic");
    }

    /** TANH as TFLM computes int8 (gemmlowp's fixed-point tanh, {@link TflmTables#tanh}). */
    static KernelCall lowerTanhTflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        if (LoweringSupport.isFloat(model, op)) {
            return lowerTanh(model, index, op, source, arena);
        }
        return lookupTable(model, index, op, source, arena, 1f / 128, 0, (in, out) -> TflmTables.tanh(in),
                "TFLM's fixed-point tanh");
    }

    /**
     * RELU6 as TFLM computes int8: no requantization; the input values are clamped to [input_zero_point,
     * round(6 / input_scale) + input_zero_point] and stored as they are, whatever the output's quantization. The
     * kernel's rescale is made the identity (Q31 one half, shift 1) and its zero points 0.
     */
    static KernelCall lowerRelu6Tflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        if (LoweringSupport.isFloat(model, op)) {
            return lowerRelu6(model, index, op, source, arena);
        }
        Int8Unary unary = Int8Unary.of(model, index, op, source);
        String where = unary.where();
        Tensor input = unary.input();
        Quantization in = LoweringSupport.perTensor(where, "input", input);
        int[] range = LoweringSupport.activationRange(Activation.RELU6, in, where);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_relu_s8_params", params, "size", input.elementCount(),
                "input_zero_point", 0, "output_zero_point", 0, "output_multiplier", 1 << 30, "output_shift", 1,
                "activation_min", range[0], "activation_max", range[1]);
        String call = "tinyml_relu_s8(&" + params + ", " + arena.pointer(op.inputs()[0]) + ", " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/relu.h", declarations, call, List.of());
    }

    static KernelCall lowerTanh(TfliteModel model, int index, Operator op, String source, CArena arena) {
        if (LoweringSupport.isInt16(model, op)) {
            return sigmoidTable16(model, index, op, source, arena, "tinyml_tanh_s16", 1);
        }
        if (LoweringSupport.isFloat(model, op)) {
            return libm(model, index, op, source, arena, "tinyml_tanh_f32");
        }
        return lookupTable(model, index, op, source, arena, 1f / 128, 0, (in, out) -> table(in, out, Tanhf::tanhf), "tanhf(x)");
    }

    /**
     * float32 LOGISTIC as the interpreter's Eigen evaluates it (see kernels/lookup_table.h), TANH with the C library's
     * tanhf, which agrees with Eigen's rational approximation within the float tolerance (FloatOperatorTest).
     */
    private static KernelCall libm(TfliteModel model, int index, Operator op, String source, CArena arena, String function) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 1);
        int size = floatSameShape(model, op, where);
        String call = function + "(" + size + ", " + arena.floatPointer(op.inputs()[0]) + ", "
                + arena.floatPointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/lookup_table.h", "", call, List.of());
    }

    /** An int8 element-wise operator's one input and one output, checked to be int8 and of the same shape. */
    private record Int8Unary(String where, Tensor input, Tensor output) {

        static Int8Unary of(TfliteModel model, int index, Operator op, String source) {
            String where = LoweringSupport.where(source, index, op);
            LoweringSupport.requireArity(where, op, 1, 1);
            Tensor input = LoweringSupport.int8(where, "input", model, op.inputs()[0]);
            Tensor output = LoweringSupport.int8(where, "output", model, op.outputs()[0]);
            LoweringSupport.requireSameShape(where, input, output);
            return new Int8Unary(where, input, output);
        }
    }

    /** A float32 element-wise operator's input and output: same shape; returns the number of values. */
    private static int floatSameShape(TfliteModel model, Operator op, String where) {
        Tensor input = LoweringSupport.float32(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.float32(where, "output", model, op.outputs()[0]);
        LoweringSupport.requireSameShape(where, input, output);
        return (int) input.elementCount();
    }

    interface FloatFunction {
        float apply(float x);
    }

    /** The 256 int8 outputs, indexed by (uint8_t)q, of an element-wise operator with these input and output quantizations. */
    interface TableMaker {
        int[] table(Quantization in, Quantization out);
    }

    private static KernelCall lookupTable(TfliteModel model, int index, Operator op, String source, CArena arena,
                                          float outputScale, int outputZeroPoint, TableMaker maker, String formula) {
        Int8Unary unary = Int8Unary.of(model, index, op, source);
        String where = unary.where();
        Tensor input = unary.input();
        Tensor output = unary.output();
        Quantization in = LoweringSupport.perTensor(where, "input", input);
        Quantization out = LoweringSupport.perTensor(where, "output", output);
        if (out.scale() != outputScale || out.zeroPoint() != outputZeroPoint) {
            throw new LoweringException(where + ": int8 output must have scale 1/" + Math.round(1 / outputScale)
                    + " and zero point " + outputZeroPoint + ", found scale " + out.scale() + " zero point " + out.zeroPoint());
        }
        int[] table = maker.table(in, out);
        String prefix = "op" + index;
        StringBuilder declarations = new StringBuilder();
        declarations.append("/* ").append(formula).append(" for x = input_scale * (q - input_zero_point), indexed by (uint8_t)q */\n");
        declarations.append("static const int8_t ").append(prefix).append("_table[256] = {");
        for (int i = 0; i < 256; i++) {
            declarations.append(i % 16 == 0 ? "\n    " : " ").append(table[i]).append(',');
        }
        declarations.append("\n};\n");
        declarations.append(LoweringSupport.struct("tinyml_lookup_table_s8_params", prefix + "_params", "size", input.elementCount(),
                "table", prefix + "_table"));
        String call = "tinyml_lookup_table_s8(&" + prefix + "_params, " + arena.pointer(op.inputs()[0]) + ", "
                + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/lookup_table.h", declarations.toString(), call, List.of(), 256);
    }

    /**
     * TF Lite's PopulateLookupTable for int8, in float as there: dequantize, apply the function, multiply by
     * 1/output_scale, roundf, add the zero point, clamp; entry (uint8_t)q.
     */
    static int[] table(Quantization in, Quantization out, FloatFunction function) {
        float inverseScale = 1f / out.scale();
        int[] table = new int[256];
        for (int q = -128; q <= 127; q++) {
            float dequantized = in.scale() * (float) (q - in.zeroPoint());
            float rescaled = roundf(function.apply(dequantized) * inverseScale);
            int quantized = (int) (rescaled + (float) out.zeroPoint());
            table[q & 0xff] = Math.max(-128, Math.min(127, quantized));
        }
        return table;
    }

    /** C's roundf: half away from zero. */
    private static float roundf(float value) {
        float rounded = (float) Math.floor(Math.abs(value) + 0.5);
        return Math.copySign(rounded, value);
    }

    /**
     * int16 LOGISTIC and TANH (the 16x8 scheme), prepared as TF Lite 2.6 prepares them: the output must be 2^-15 with zero
     * point 0; an input scale of 2^-12 (also 2^-11 for TANH, {@code largestPowerShift} 1) takes the interpreter's
     * gemmlowp fixed-point path (multiplier 0, the shift to Q3.12); any other scale is rescaled to the table's
     * 1/(3·4096) by an integer multiplier and a right shift: scale·4096·3 doubled while at most 32767/2.
     */
    private static KernelCall sigmoidTable16(TfliteModel model, int index, Operator op, String source, CArena arena,
                                             String function, int largestPowerShift) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 1);
        Tensor input = LoweringSupport.int16(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.int16(where, "output", model, op.outputs()[0]);
        LoweringSupport.requireSameShape(where, input, output);
        if (output.quantization().scale() != 1f / 32768) {
            throw new LoweringException(where + ": int16 output must have scale 1/32768 and zero point 0, found scale "
                    + output.quantization().scale());
        }
        float scale = input.quantization().scale();
        int log2 = LoweringSupport.log2IfPowerOfTwo(scale);
        String params = "op" + index + "_params";
        String call = function + "(&" + params + ", " + arena.int16Pointer(op.inputs()[0]) + ", "
                + arena.int16Pointer(op.outputs()[0]) + ");";
        if (log2 != LoweringSupport.NOT_A_POWER && 12 + log2 >= 0 && 12 + log2 <= largestPowerShift) {
            String declarations = LoweringSupport.struct("tinyml_lookup_table_s16_params", params, "size", input.elementCount(),
                    "input_multiplier", 0, "input_left_shift", 12 + log2);
            return new KernelCall("tinyml/kernels/lookup_table.h", declarations, call, List.of());
        }
        double multiplier = scale * 4096.0 * 3.0;
        int shift = 0;
        while (multiplier <= 32767.0 / 2.0 && shift <= 30) {
            shift++;
            multiplier *= 2.0;
        }
        if (multiplier >= 65536.0) {
            throw new LoweringException(where + ": int16 input scale " + scale + " is too coarse for the interpreter's table "
                    + "(its rescaling would overflow)");
        }
        String declarations = LoweringSupport.struct("tinyml_lookup_table_s16_params", params, "size", input.elementCount(),
                "input_multiplier", (int) multiplier, "input_left_shift", shift);
        return new KernelCall("tinyml/kernels/lookup_table.h", declarations, call, List.of());
    }
}
