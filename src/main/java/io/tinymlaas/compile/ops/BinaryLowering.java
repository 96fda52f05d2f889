package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ADD and MUL, int8, with NumPy-style broadcasting of up to four dimensions (equal shapes, a scalar, or any
 * dimensions of size 1). Either operand may be a constant tensor (emitted as a const array) or an activation.
 * Prepared here, as TF Lite 2.6 prepares them:
 * <ul>
 * <li>ADD: left shift 20, twice_max = 2·max(scale1, scale2), input multipliers scale_i/twice_max and the
 * output multiplier twice_max/(2^20·output_scale), quotients in double, each as a Q31 multiplier below one
 * (QuantizeMultiplierSmallerThanOneExp);</li>
 * <li>MUL: the multiplier scale1·scale2/output_scale, evaluated in float as the interpreter's C++ does, then
 * quantized;</li>
 * <li>both: the fused activation's range and the broadcast strides.</li>
 * </ul>
 * int16 ADD (the 16x8 scheme, zero points 0) takes the general path with left shift 15, or, when the options'
 * pot_scale_int16 is set and every scale is a power of two, the interpreter's shift-only path.
 */
final class BinaryLowering {

    private static final int ADD_LEFT_SHIFT = 20;
    /** int16 operands leave room for 15 bits only: 65535 << 15 still fits int32. */
    private static final int ADD_LEFT_SHIFT_16 = 15;

    private BinaryLowering() {
    }

    static KernelCall lowerAdd(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        if (LoweringSupport.isFloat(model, op)) {
            return lowerFloat(model, index, op, where, arena, "add");
        }
        boolean is16 = LoweringSupport.isInt16(model, op);
        Operands operands = operands(model, op, where, arena, false, is16);
        String params = "op" + index + "_params";
        if (is16 && potScaleInt16(op)) {
            int[] log2 = {LoweringSupport.log2IfPowerOfTwo(operands.q1.scale()), LoweringSupport.log2IfPowerOfTwo(operands.q2.scale()),
                    LoweringSupport.log2IfPowerOfTwo(operands.out.scale())};
            if (log2[0] != LoweringSupport.NOT_A_POWER && log2[1] != LoweringSupport.NOT_A_POWER && log2[2] != LoweringSupport.NOT_A_POWER) {
                return lowerAddPowerOfTwo(model, op, where, operands, params, log2);
            }
        }
        int leftShift = is16 ? ADD_LEFT_SHIFT_16 : ADD_LEFT_SHIFT;
        float scale1 = operands.q1.scale();
        float scale2 = operands.q2.scale();
        double twiceMax = 2 * Math.max(scale1, scale2);
        QuantizedMultiplier m1 = QuantizedMultiplier.of(scale1 / twiceMax);
        QuantizedMultiplier m2 = QuantizedMultiplier.of(scale2 / twiceMax);
        QuantizedMultiplier mOut = QuantizedMultiplier.of(twiceMax / (double) ((1 << leftShift) * operands.out.scale()));
        int[] range = is16 ? LoweringSupport.activationRange16(op.fusedActivation(), operands.out, where)
                : LoweringSupport.activationRange(op.fusedActivation(), operands.out, where);
        String declarations = LoweringSupport.struct("tinyml_add_s8_params", params, "shape", operands.broadcast,
                "left_shift", leftShift,
                "input1_offset", -operands.q1.zeroPoint(), "input1_multiplier", m1.multiplier(), "input1_shift", m1.shift(),
                "input2_offset", -operands.q2.zeroPoint(), "input2_multiplier", m2.multiplier(), "input2_shift", m2.shift(),
                "output_offset", operands.out.zeroPoint(), "output_multiplier", mOut.multiplier(), "output_shift", mOut.shift(),
                "activation_min", range[0], "activation_max", range[1]);
        return operands.call(is16 ? "tinyml_add_s16" : "tinyml_add_s8", params, "tinyml/kernels/add.h", declarations);
    }

    /** The options' pot_scale_int16; the schema's default (true) when the operator has no options table. */
    private static boolean potScaleInt16(Operator op) {
        return !(op.options() instanceof OperatorOptions.Add add) || add.potScaleInt16();
    }

    /**
     * int16 with power-of-two scales: each input's shift is its log2 scale minus the output's; the interpreter takes only
     * one shifted input, shifted right, and equal shapes.
     */
    private static KernelCall lowerAddPowerOfTwo(TfliteModel model, Operator op, String where, Operands operands, String params,
                                                 int[] log2) {
        int shift1 = log2[0] - log2[2];
        int shift2 = log2[1] - log2[2];
        if (shift1 > 0 || shift2 > 0 || (shift1 != 0 && shift2 != 0)) {
            throw new LoweringException(where + ": int16 ADD with power-of-two scales shifts at most one input, right (input "
                    + "shifts " + shift1 + " and " + shift2 + "); the interpreter refuses these scales too");
        }
        Tensor input1 = model.tensor(op.inputs()[0]);
        if (!Arrays.equals(input1.shape(), model.tensor(op.inputs()[1]).shape())) {
            throw new LoweringException(where + ": int16 ADD with power-of-two scales cannot broadcast (the interpreter's "
                    + "kernel takes equal shapes only)");
        }
        int[] range = LoweringSupport.activationRange16(op.fusedActivation(), operands.out, where);
        String declarations = LoweringSupport.struct("tinyml_add_s16_pot_params", params, "size", input1.elementCount(),
                "input1_shift", shift1, "input2_shift", shift2, "activation_min", range[0], "activation_max", range[1]);
        return operands.call("tinyml_add_s16_pot", params, "tinyml/kernels/add.h", declarations);
    }

    static KernelCall lowerMul(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return mul(model, index, op, source, arena, QuantizedMultiplier::forMul);
    }

    /** MUL with TFLM's multiplier ({@link QuantizedMultiplier#forMulTflm}); the kernel's rounding is the same. */
    static KernelCall lowerMulTflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return mul(model, index, op, source, arena, QuantizedMultiplier::forMulTflm);
    }

    /** How a MUL's multiplier is prepared from its input and output scales. */
    private interface MulMultiplier {
        QuantizedMultiplier of(float input1Scale, float input2Scale, float outputScale);
    }

    private static KernelCall mul(TfliteModel model, int index, Operator op, String source, CArena arena, MulMultiplier rule) {
        String where = LoweringSupport.where(source, index, op);
        if (LoweringSupport.isFloat(model, op)) {
            return lowerFloat(model, index, op, where, arena, "mul");
        }
        Operands operands = operands(model, op, where, arena, false, false);
        QuantizedMultiplier multiplier = rule.of(operands.q1.scale(), operands.q2.scale(), operands.out.scale());
        int[] range = LoweringSupport.activationRange(op.fusedActivation(), operands.out, where);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_mul_s8_params", params, "shape", operands.broadcast,
                "input1_offset", -operands.q1.zeroPoint(), "input2_offset", -operands.q2.zeroPoint(),
                "output_offset", operands.out.zeroPoint(), "output_multiplier", multiplier.multiplier(),
                "output_shift", multiplier.shift(), "activation_min", range[0], "activation_max", range[1]);
        return operands.call("tinyml_mul_s8", params, "tinyml/kernels/mul.h", declarations);
    }

    /** float32 ADD and MUL: one float operation per element, as the interpreter, then the fused activation's range. */
    private static KernelCall lowerFloat(TfliteModel model, int index, Operator op, String where, CArena arena, String name) {
        Operands operands = operands(model, op, where, arena, true, false);
        String[] range = LoweringSupport.floatActivationRange(op.fusedActivation(), where);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_" + name + "_f32_params", params, "shape", operands.broadcast,
                "activation_min", range[0], "activation_max", range[1]);
        String call = "tinyml_" + name + "_f32(&" + params + ", (const float *)" + operands.pointer1 + ", (const float *)"
                + operands.pointer2 + ", (float *)" + operands.outputPointer + ");";
        return new KernelCall("tinyml/kernels/" + name + ".h", declarations, call, operands.constants);
    }

    private record Operands(Quantization q1, Quantization q2, Quantization out, String pointer1, String pointer2,
                            String outputPointer, String broadcast, List<Integer> constants) {

        KernelCall call(String function, String params, String header, String declarations) {
            String call = function + "(&" + params + ", " + pointer1 + ", " + pointer2 + ", " + outputPointer + ");";
            return new KernelCall(header, declarations, call, constants);
        }
    }

    /** The operands of a float32, int8 or ({@code is16}) int16 binary operator; int16 pointers are cast for its kernels. */
    private static Operands operands(TfliteModel model, Operator op, String where, CArena arena, boolean isFloat, boolean is16) {
        LoweringSupport.requireArity(where, op, 2, 2);
        Tensor input1 = operand(where, "input 1", model, op.inputs()[0], isFloat, is16);
        Tensor input2 = operand(where, "input 2", model, op.inputs()[1], isFloat, is16);
        Tensor output = operand(where, "output", model, op.outputs()[0], isFloat, is16);
        Quantization q1 = isFloat ? null : LoweringSupport.perTensor(where, "input 1", input1);
        Quantization q2 = isFloat ? null : LoweringSupport.perTensor(where, "input 2", input2);
        Quantization out = isFloat ? null : LoweringSupport.perTensor(where, "output", output);
        int[] shape1 = to4d(where, input1);
        int[] shape2 = to4d(where, input2);
        int[] dims = new int[4];
        for (int d = 0; d < 4; d++) {
            if (shape1[d] != shape2[d] && shape1[d] != 1 && shape2[d] != 1) {
                throw new LoweringException(where + ": shapes " + Arrays.toString(input1.shape()) + " and "
                        + Arrays.toString(input2.shape()) + " cannot be broadcast together");
            }
            dims[d] = shape1[d] == 1 ? shape2[d] : shape1[d];
        }
        int[] expected = Arrays.copyOfRange(dims, 4 - Math.max(Math.max(input1.shape().length, input2.shape().length), 0), 4);
        LoweringSupport.requireOutputShape(where, output, expected);
        String broadcast = "{ .dims = " + list(dims) + ", .strides1 = " + list(strides(shape1)) + ", .strides2 = "
                + list(strides(shape2)) + " }";
        List<Integer> constants = new ArrayList<>();
        String pointer1 = LoweringSupport.operand(model, op.inputs()[0], arena, constants);
        String pointer2 = LoweringSupport.operand(model, op.inputs()[1], arena, constants);
        if (is16) {
            return new Operands(q1, q2, out, "(const int16_t *)" + pointer1, "(const int16_t *)" + pointer2,
                    arena.int16Pointer(op.outputs()[0]), broadcast, constants);
        }
        return new Operands(q1, q2, out, pointer1, pointer2, arena.pointer(op.outputs()[0]), broadcast, constants);
    }

    private static Tensor operand(String where, String role, TfliteModel model, int index, boolean isFloat, boolean is16) {
        return is16 ? LoweringSupport.int16(where, role, model, index) : LoweringSupport.activation(where, role, model, index, isFloat);
    }


    private static int[] to4d(String where, Tensor tensor) {
        int[] shape = tensor.shape();
        if (shape.length > 4) {
            throw new LoweringException(where + ": '" + tensor.name() + "' has " + shape.length
                    + " dimensions; at most 4 are supported");
        }
        int[] result = {1, 1, 1, 1};
        System.arraycopy(shape, 0, result, 4 - shape.length, shape.length);
        return result;
    }

    /** Row-major element strides, 0 along dimensions of size 1 (which are broadcast). */
    private static int[] strides(int[] shape4) {
        int[] strides = new int[4];
        int stride = 1;
        for (int d = 3; d >= 0; d--) {
            strides[d] = shape4[d] == 1 ? 0 : stride;
            stride *= shape4[d];
        }
        return strides;
    }

    private static String list(int[] values) {
        StringBuilder c = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            c.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return c.append('}').toString();
    }
}
