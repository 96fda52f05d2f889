package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Checks and C emission shared by the lowerings: operand types and shapes, fused activation ranges, constant operands,
 * C literals, arrays and initializers. A helper that a second lowering needs moves here.
 */
public final class LoweringSupport {

    private LoweringSupport() {
    }

    static String where(String source, int index, Operator op) {
        return source + ": operator #" + index + " " + op.name();
    }

    static void requireArity(String where, Operator op, int minInputs, int maxInputs) {
        if (op.inputs().length < minInputs || op.inputs().length > maxInputs || op.outputs().length != 1) {
            throw new LoweringException(where + ": expected " + (minInputs == maxInputs ? "" + minInputs
                    : minInputs + " to " + maxInputs) + " inputs and one output, found " + op.inputs().length + " and "
                    + op.outputs().length);
        }
        for (int i = 0; i < minInputs; i++) {
            if (op.inputs()[i] < 0) {
                throw new LoweringException(where + ": input " + i + " is missing");
            }
        }
    }

    /** A quantized int8 tensor (activations and weights). */
    static Tensor int8(String where, String role, TfliteModel model, int index) {
        Tensor tensor = model.tensor(index);
        if (tensor.type() != TensorType.INT8) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' is " + tensor.type()
                    + "; only INT8 is supported here");
        }
        if (tensor.quantization() == null) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' has no quantization parameters");
        }
        return tensor;
    }

    /** An int16 activation of the 16x8 scheme: quantized per tensor with zero point 0, as the interpreter requires. */
    static Tensor int16(String where, String role, TfliteModel model, int index) {
        Tensor tensor = model.tensor(index);
        if (tensor.type() != TensorType.INT16) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' is " + tensor.type()
                    + " in an int16 (16x8) operator; only INT16 is supported here");
        }
        if (tensor.quantization() == null) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' has no quantization parameters");
        }
        Quantization q = perTensor(where, role, tensor);
        if (q.zeroPoint() != 0) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' is int16 with zero point " + q.zeroPoint()
                    + "; the 16x8 scheme needs zero point 0");
        }
        return tensor;
    }

    /** What {@link #log2IfPowerOfTwo} returns for a scale that is not a power of two. */
    static final int NOT_A_POWER = Integer.MIN_VALUE;

    /**
     * The interpreter's CheckedLog2: log2 of the scale rounded to an integer, when it lies within 0.001 of one (a scale
     * that close to a power of two counts as one); {@link #NOT_A_POWER} otherwise.
     */
    static int log2IfPowerOfTwo(float scale) {
        double log2 = Math.log(scale) * (1.0 / Math.log(2.0));
        double rounded = Math.round(log2);
        return Math.abs(log2 - rounded) < 1e-3 ? (int) rounded : NOT_A_POWER;
    }

    /** True when the operator's first input is int16: its 16x8 kernel is used. */
    static boolean isInt16(TfliteModel model, Operator op) {
        return op.inputs().length > 0 && op.inputs()[0] >= 0 && model.tensor(op.inputs()[0]).type() == TensorType.INT16;
    }

    /**
     * The int64 bias of a 16x8 convolution or FULLY_CONNECTED: constant, one value per output channel, and small enough
     * that it plus {@code terms} products int16·int8 stays within ±2^47, the interpreter's bound for its rescaling.
     */
    static Tensor int64Bias(String where, TfliteModel model, int index, int channels, long terms) {
        Tensor bias = model.tensor(index);
        if (bias.type() != TensorType.INT64 || !bias.constant() || bias.elementCount() != channels) {
            throw new LoweringException(where + ": bias '" + bias.name() + "' must be a constant INT64 tensor of " + channels
                    + " values (the 16x8 scheme), found " + (bias.constant() ? "" : "a computed ") + bias.type()
                    + Arrays.toString(bias.shape()));
        }
        long limit = (1L << 47) - terms * 32768L * 128L;
        ByteBuffer values = ByteBuffer.wrap(bias.data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            long value = values.getLong(c * 8);
            if (value > limit || value < -limit) {
                throw new LoweringException(where + ": bias " + value + " of channel " + c + " could leave the interpreter's "
                        + "int64 accumulator range (±2^47) with " + terms + " products");
            }
        }
        return bias;
    }

    /** A float32 tensor (activations, weights and biases of float models). */
    static Tensor float32(String where, String role, TfliteModel model, int index) {
        Tensor tensor = model.tensor(index);
        if (tensor.type() != TensorType.FLOAT32) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' is " + tensor.type()
                    + " in a float32 operator; only FLOAT32 is supported here");
        }
        return tensor;
    }

    /** An operand of an operator that has an int8 and a float32 kernel: int8 (quantized) or float32, as asked. */
    static Tensor activation(String where, String role, TfliteModel model, int index, boolean isFloat) {
        return isFloat ? float32(where, role, model, index) : int8(where, role, model, index);
    }

    /** True when the operator's first input is float32: its float kernel is used, and every operand must be float32. */
    static boolean isFloat(TfliteModel model, Operator op) {
        return op.inputs().length > 0 && op.inputs()[0] >= 0 && model.tensor(op.inputs()[0]).type() == TensorType.FLOAT32;
    }

    /**
     * The float32 fused activation as [min, max] C literals (TF Lite's CalculateActivationRange): ±FLT_MAX for NONE,
     * [0, FLT_MAX] for RELU, [0, 6] for RELU6, [-1, 1] for RELU_N1_TO_1.
     */
    static String[] floatActivationRange(Activation activation, String where) {
        String max = floatLiteral(Float.MAX_VALUE);
        String lowest = floatLiteral(-Float.MAX_VALUE);
        return switch (activation) {
            case NONE -> new String[] {lowest, max};
            case RELU -> new String[] {"0.0f", max};
            case RELU6 -> new String[] {"0.0f", "6.0f"};
            case RELU_N1_TO_1 -> new String[] {"-1.0f", "1.0f"};
            default -> throw new LoweringException(where + ": fused activation " + activation + " is not supported");
        };
    }

    /** A constant float32 operand (weights, bias) as its const array; the index joins {@code constants}. */
    static String floatConstant(String where, String role, TfliteModel model, int index, java.util.List<Integer> constants) {
        Tensor tensor = float32(where, role, model, index);
        if (!tensor.constant()) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' must be a constant tensor");
        }
        if (!constants.contains(index)) {
            constants.add(index);
        }
        return CArena.constantName(index);
    }

    static int[] shape4(String where, String role, Tensor tensor) {
        if (tensor.shape().length != 4) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' has shape "
                    + Arrays.toString(tensor.shape()) + "; a 4-D NHWC tensor is expected");
        }
        return tensor.shape();
    }

    static <T extends OperatorOptions> T options(String where, Operator op, Class<T> type) {
        if (!type.isInstance(op.options())) {
            throw new LoweringException(where + ": the operator has no " + type.getSimpleName() + " options");
        }
        return type.cast(op.options());
    }

    static void requireStrides(String where, int strideW, int strideH) {
        if (strideW < 1 || strideH < 1) {
            throw new LoweringException(where + ": strides " + strideW + "x" + strideH + " are not positive");
        }
    }

    /** TFLite's ComputeOutSize (dilation 1). */
    static int outputSize(OperatorOptions.Padding padding, int in, int filter, int stride) {
        return padding == OperatorOptions.Padding.SAME ? (in + stride - 1) / stride : (in - filter + stride) / stride;
    }

    /** TFLite's ComputePaddingWithOffset (dilation 1): the padding before the first row/column. */
    static int paddingBefore(int stride, int in, int filter, int out) {
        int total = (out - 1) * stride + filter - in;
        return Math.max(total, 0) / 2;
    }

    static void requireOutputShape(String where, Tensor output, int[] expected) {
        if (!Arrays.equals(output.shape(), expected)) {
            throw new LoweringException(where + ": output '" + output.name() + "' has shape " + Arrays.toString(output.shape())
                    + " but the operator produces " + Arrays.toString(expected));
        }
    }

    static void requireSameQuantization(String where, Tensor input, Tensor output) {
        Quantization in = input.quantization();
        Quantization out = output.quantization();
        if (in.scale() != out.scale() || in.zeroPoint() != out.zeroPoint()) {
            throw new LoweringException(where + ": input and output quantization differ (scale " + in.scale() + " zero point "
                    + in.zeroPoint() + " vs scale " + out.scale() + " zero point " + out.zeroPoint()
                    + "); the interpreter does not rescale here, so such a model is not supported");
        }
    }

    static String int32Array(String name, int[] values, String comment) {
        StringBuilder c = new StringBuilder();
        if (comment != null) {
            c.append("/* ").append(comment.replace("*/", "* /")).append(" */\n");
        }
        c.append("static const int32_t ").append(name).append('[').append(values.length)
                .append("] __attribute__((aligned(4))) = {");
        for (int i = 0; i < values.length; i++) {
            c.append(i % 16 == 0 ? "\n    " : " ");
            c.append(values[i] == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(values[i])).append(',');
        }
        return c.append("\n};\n").toString();
    }

    /** A C99 struct initializer: {@code static const type name = { .field = value, ... };}. */
    static String struct(String type, String name, Object... fieldsAndValues) {
        StringBuilder c = new StringBuilder("static const ").append(type).append(' ').append(name).append(" = {\n");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            c.append("    .").append(fieldsAndValues[i]).append(" = ").append(fieldsAndValues[i + 1]).append(",\n");
        }
        return c.append("};\n").toString();
    }

    /** A nested C99 initializer: {@code { .field = value, ... }}. */
    static String initializer(Object... fieldsAndValues) {
        StringBuilder c = new StringBuilder("{");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            c.append(i == 0 ? " ." : ", .").append(fieldsAndValues[i]).append(" = ").append(fieldsAndValues[i + 1]);
        }
        return c.append(" }").toString();
    }

    /**
     * Kernels add the bias and {@code terms} products (int8 − zero point)·int8, each below 256·128 in size (also after the
     * compiler folds the zero point into the bias), in
     * int32. A bias this close to the int32 limits would overflow (undefined in C, and in the reference too), so
     * such a model is refused rather than computed wrongly.
     */
    static void requireBiasFitsAccumulator(String where, Tensor bias, long terms) {
        if (bias == null) {
            return;
        }
        long limit = Integer.MAX_VALUE - terms * 256L * 128L;
        java.nio.ByteBuffer values = java.nio.ByteBuffer.wrap(bias.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < bias.elementCount(); c++) {
            long value = values.getInt(c * 4);
            if (Math.abs(value) > limit) {
                throw new LoweringException(where + ": bias " + value + " of channel " + c + " could overflow the int32 "
                        + "accumulator with " + terms + " products");
            }
        }
    }

    /** TFLite's CalculateActivationRangeQuantized for int8 outputs. */
    static int[] activationRange(Activation activation, Quantization out, String where) {
        return activationRange(activation, out, where, -128, 127);
    }

    /** TFLite's CalculateActivationRangeQuantized for int16 outputs. */
    static int[] activationRange16(Activation activation, Quantization out, String where) {
        return activationRange(activation, out, where, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    private static int[] activationRange(Activation activation, Quantization out, String where, int qmin, int qmax) {
        return switch (activation) {
            case NONE -> new int[] {qmin, qmax};
            case RELU -> new int[] {Math.max(qmin, quantize(0f, out)), qmax};
            case RELU6 -> new int[] {Math.max(qmin, quantize(0f, out)), Math.min(qmax, quantize(6f, out))};
            case RELU_N1_TO_1 -> new int[] {Math.max(qmin, quantize(-1f, out)), Math.min(qmax, quantize(1f, out))};
            default -> throw new LoweringException(where + ": fused activation " + activation + " is not supported");
        };
    }

    private static int quantize(float value, Quantization q) {
        return q.zeroPoint() + (int) io.tinymlaas.core.Rounding.halfAwayFromZero(value / q.scale());
    }

    static void requireSameShape(String where, Tensor input, Tensor output) {
        if (!Arrays.equals(input.shape(), output.shape())) {
            throw new LoweringException(where + ": input " + Arrays.toString(input.shape()) + " and output "
                    + Arrays.toString(output.shape()) + " must have the same shape");
        }
    }

    static Quantization perTensor(String where, String role, Tensor tensor) {
        Quantization q = tensor.quantization();
        if (q.perChannel()) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name()
                    + "' is quantized per channel; only per-tensor quantization is supported here");
        }
        return q;
    }

    /** A constant operand is its const array, anything else lives in the arena. */
    static String operand(TfliteModel model, int tensor, CArena arena, List<Integer> constants) {
        if (model.tensor(tensor).constant()) {
            if (!constants.contains(tensor)) {
                constants.add(tensor);
            }
            return CArena.constantName(tensor);
        }
        return arena.pointer(tensor);
    }

    /** The values of a constant INT32 tensor (paddings, axes), which the compiler folds into the parameters. */
    static int[] int32Constant(String where, String role, Tensor tensor) {
        if (tensor.type() != TensorType.INT32 || !tensor.constant()) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' must be a constant INT32 tensor, found "
                    + (tensor.constant() ? "a constant " : "a computed ") + tensor.type());
        }
        ByteBuffer data = ByteBuffer.wrap(tensor.data()).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[(int) tensor.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.getInt(4 * i);
        }
        return values;
    }

    static String list(int[] values) {
        StringBuilder c = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            c.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return c.append('}').toString();
    }

    /** An exact C99 float literal. */
    public static String floatLiteral(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("no literal for " + value);
        }
        return Float.toHexString(value) + "f";
    }
}
