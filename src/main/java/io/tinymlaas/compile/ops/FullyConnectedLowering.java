package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * FULLY_CONNECTED, int8: TFLite's prepare step done here, so the device only evaluates.
 * out = clamp(out_zp + M·Σ(in − in_zp)·w + bias), with M = in_scale·w_scale/out_scale as a Q31 multiplier.
 * The input zero point is folded into an effective bias ({@link #foldInputOffset}), so kernels compute
 * clamp(out_zp + M·(Σ in·w + bias')). The 16x8 scheme (int16 activations with zero point 0, int64 bias) has its own
 * kernel, which sums in int64 and rescales as the interpreter does there.
 */
final class FullyConnectedLowering {

    private FullyConnectedLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = source + ": operator #" + index + " FULLY_CONNECTED";
        if (op.inputs().length < 2 || op.outputs().length != 1) {
            throw new LoweringException(where + " needs an input, weights and one output");
        }
        if (LoweringSupport.isFloat(model, op)) {
            return lowerFloat(model, index, op, arena, where);
        }
        if (LoweringSupport.isInt16(model, op)) {
            return lowerInt16(model, index, op, arena, where);
        }
        Tensor input = model.tensor(op.inputs()[0]);
        Tensor weights = model.tensor(op.inputs()[1]);
        int biasIndex = op.inputs().length > 2 ? op.inputs()[2] : -1;
        Tensor bias = biasIndex >= 0 ? model.tensor(biasIndex) : null;
        Tensor output = model.tensor(op.outputs()[0]);

        requireType(where, "input", input, TensorType.INT8);
        requireType(where, "weights", weights, TensorType.INT8);
        requireType(where, "output", output, TensorType.INT8);
        if (!weights.constant() || weights.shape().length != 2) {
            throw new LoweringException(where + ": weights must be a constant 2-D tensor");
        }
        if (bias != null) {
            requireType(where, "bias", bias, TensorType.INT32);
            if (!bias.constant()) {
                throw new LoweringException(where + ": bias must be constant");
            }
        }
        requireQuantized(where, "input", input);
        requireQuantized(where, "output", output);
        requireQuantized(where, "weights", weights);
        if (weights.quantization().perChannel()) {
            throw new LoweringException(where + ": per-channel weights are not supported for FULLY_CONNECTED yet");
        }
        if (weights.quantization().zeroPoint() != 0) {
            throw new LoweringException(where + ": int8 weights must be symmetric (zero point 0), found "
                    + weights.quantization().zeroPoint());
        }
        int outputDepth = weights.shape()[0];
        int inputDepth = weights.shape()[1];
        int batches = batches(where, input, output, inputDepth, outputDepth);
        if (bias != null && bias.elementCount() != outputDepth) {
            throw new LoweringException(where + ": bias has " + bias.elementCount() + " values, expected " + outputDepth);
        }
        LoweringSupport.requireBiasFitsAccumulator(where, bias, inputDepth);

        Quantization out = output.quantization();
        QuantizedMultiplier multiplier = QuantizedMultiplier.forFullyConnected(input.quantization().scale(),
                weights.quantization().scale(), out.scale());
        int[] range = LoweringSupport.activationRange(op.fusedActivation(), out, where);

        int inputOffset = -input.quantization().zeroPoint();
        int[] effectiveBias = foldInputOffset(inputOffset, weights, bias, outputDepth, inputDepth);
        String biasArray = "op" + index + "_bias";
        StringBuilder declarations = new StringBuilder();
        if (effectiveBias != null) {
            declarations.append(effectiveBiasArray(biasArray, effectiveBias, inputOffset, weights, bias));
            inputOffset = 0;
        }

        String params = "op" + index + "_params";
        declarations.append("static const tinyml_fc_s8_params " + params + " = {\n"
                + "    .batches = " + batches + ",\n"
                + "    .input_depth = " + inputDepth + ",\n"
                + "    .output_depth = " + outputDepth + ",\n"
                + "    .input_offset = " + inputOffset + ",\n"
                + "    .output_offset = " + out.zeroPoint() + ",\n"
                + "    .output_multiplier = " + multiplier.multiplier() + ",\n"
                + "    .output_shift = " + multiplier.shift() + ",\n"
                + "    .activation_min = " + range[0] + ",\n"
                + "    .activation_max = " + range[1] + ",\n"
                + "};\n");
        List<Integer> constants = new ArrayList<>(List.of(op.inputs()[1]));
        String biasArgument = "0";
        if (effectiveBias != null) {
            biasArgument = biasArray;
        } else if (bias != null) {
            constants.add(biasIndex);
            biasArgument = CArena.constantName(biasIndex);
        }
        String call = "tinyml_fully_connected_s8(&" + params + ", " + arena.pointer(op.inputs()[0]) + ", "
                + CArena.constantName(op.inputs()[1]) + ", " + biasArgument + ", " + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/fully_connected.h", declarations.toString(), call, constants,
                effectiveBias == null ? 0 : effectiveBias.length * Integer.BYTES);
    }

    /** The 16x8 scheme: int16 input and output with zero point 0, per-tensor int8 weights, an optional int64 bias. */
    private static KernelCall lowerInt16(TfliteModel model, int index, Operator op, CArena arena, String where) {
        Tensor input = LoweringSupport.int16(where, "input", model, op.inputs()[0]);
        Tensor weights = LoweringSupport.int8(where, "weights", model, op.inputs()[1]);
        Tensor output = LoweringSupport.int16(where, "output", model, op.outputs()[0]);
        if (!weights.constant() || weights.shape().length != 2) {
            throw new LoweringException(where + ": weights must be a constant 2-D tensor");
        }
        Quantization w = LoweringSupport.perTensor(where, "weights", weights);
        if (w.zeroPoint() != 0) {
            throw new LoweringException(where + ": int8 weights must be symmetric (zero point 0), found " + w.zeroPoint());
        }
        int outputDepth = weights.shape()[0];
        int inputDepth = weights.shape()[1];
        int batches = batches(where, input, output, inputDepth, outputDepth);
        List<Integer> constants = new ArrayList<>(List.of(op.inputs()[1]));
        String bias = "0";
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            LoweringSupport.int64Bias(where, model, op.inputs()[2], outputDepth, inputDepth);
            constants.add(op.inputs()[2]);
            bias = CArena.constantName(op.inputs()[2]);
        }
        Quantization out = output.quantization();
        QuantizedMultiplier multiplier = QuantizedMultiplier.forFullyConnected(input.quantization().scale(), w.scale(), out.scale());
        int[] range = LoweringSupport.activationRange16(op.fusedActivation(), out, where);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_fc_s8_params", params, "batches", batches, "input_depth", inputDepth,
                "output_depth", outputDepth, "input_offset", 0, "output_offset", 0, "output_multiplier", multiplier.multiplier(),
                "output_shift", QuantizedMultiplier.requireInt64Shift(multiplier, where),
                "activation_min", range[0], "activation_max", range[1]);
        String call = "tinyml_fully_connected_s16(&" + params + ", " + arena.int16Pointer(op.inputs()[0]) + ", "
                + CArena.constantName(op.inputs()[1]) + ", " + bias + ", " + arena.int16Pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/fully_connected.h", declarations, call, constants);
    }

    /**
     * float32: weights [output_depth, input_depth] and bias constant. The kernel sums in the order of the interpreter's
     * Eigen GEMM (or matrix-vector product for one batch), so results are identical (FloatOperatorTest).
     */
    private static KernelCall lowerFloat(TfliteModel model, int index, Operator op, CArena arena, String where) {
        Tensor input = LoweringSupport.float32(where, "input", model, op.inputs()[0]);
        Tensor output = LoweringSupport.float32(where, "output", model, op.outputs()[0]);
        List<Integer> constants = new ArrayList<>();
        String weights = LoweringSupport.floatConstant(where, "weights", model, op.inputs()[1], constants);
        Tensor w = model.tensor(op.inputs()[1]);
        if (w.shape().length != 2) {
            throw new LoweringException(where + ": weights must be a constant 2-D tensor");
        }
        int outputDepth = w.shape()[0];
        int inputDepth = w.shape()[1];
        int batches = batches(where, input, output, inputDepth, outputDepth);
        String bias = "0";
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            bias = LoweringSupport.floatConstant(where, "bias", model, op.inputs()[2], constants);
            if (model.tensor(op.inputs()[2]).elementCount() != outputDepth) {
                throw new LoweringException(where + ": bias has " + model.tensor(op.inputs()[2]).elementCount()
                        + " values, expected " + outputDepth);
            }
        }
        String[] range = LoweringSupport.floatActivationRange(op.fusedActivation(), where);
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct("tinyml_fc_f32_params", params, "batches", batches, "input_depth", inputDepth,
                "output_depth", outputDepth, "activation_min", range[0], "activation_max", range[1]);
        String call = "tinyml_fully_connected_f32(&" + params + ", " + arena.floatPointer(op.inputs()[0]) + ", " + weights + ", "
                + bias + ", " + arena.floatPointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/fully_connected.h", declarations, call, constants);
    }

    /**
     * Σ_i (in[i] + inputOffset)·w[o][i] = Σ_i in[i]·w[o][i] + inputOffset·Σ_i w[o][i]: the second term is a
     * constant of the model, so it moves into the bias and the device's inner loop becomes a pure dot product
     * (the kernel is then called with input_offset 0). Returns bias[o] + inputOffset·Σ_i w[o][i], or null when
     * there is nothing to fold (input zero point 0) or a value would not fit int32 (the kernel then adds the
     * offset itself, as the interpreter does).
     */
    static int[] foldInputOffset(int inputOffset, Tensor weights, Tensor bias, int outputDepth, int inputDepth) {
        if (inputOffset == 0) {
            return null;
        }
        byte[] w = weights.data();
        ByteBuffer b = bias == null ? null : ByteBuffer.wrap(bias.data()).order(ByteOrder.LITTLE_ENDIAN);
        int[] folded = new int[outputDepth];
        for (int o = 0; o < outputDepth; o++) {
            long sum = 0;
            for (int i = 0; i < inputDepth; i++) {
                sum += w[o * inputDepth + i];
            }
            long value = (b == null ? 0L : b.getInt(o * 4)) + (long) inputOffset * sum;
            if (value != (int) value) {
                return null;
            }
            folded[o] = (int) value;
        }
        return folded;
    }

    private static String effectiveBiasArray(String name, int[] values, int inputOffset, Tensor weights, Tensor bias) {
        StringBuilder c = new StringBuilder();
        c.append("/* ").append(bias == null ? "" : comment(bias.name()) + " + ").append(inputOffset)
                .append(" * (sum of each row of ").append(comment(weights.name()))
                .append("): the input zero point folded into the bias */\n");
        c.append("static const int32_t ").append(name).append('[').append(values.length)
                .append("] __attribute__((aligned(4))) = {");
        for (int i = 0; i < values.length; i++) {
            c.append(i % 16 == 0 ? "\n    " : " ");
            c.append(values[i] == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(values[i])).append(',');
        }
        return c.append("\n};\n\n").toString();
    }

    private static String comment(String text) {
        return text.replace("*/", "* /");
    }


    private static void requireType(String where, String role, Tensor tensor, TensorType type) {
        if (tensor.type() != type) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' is " + tensor.type()
                    + "; only " + type + " is supported here");
        }
    }

    private static void requireQuantized(String where, String role, Tensor tensor) {
        if (tensor.quantization() == null) {
            throw new LoweringException(where + ": " + role + " '" + tensor.name() + "' has no quantization parameters");
        }
    }

    /** How many rows of {@code inputDepth} values the input holds; the output must hold as many of {@code outputDepth}. */
    private static int batches(String where, Tensor input, Tensor output, int inputDepth, int outputDepth) {
        if (inputDepth == 0 || input.elementCount() % inputDepth != 0) {
            throw new LoweringException(where + ": input of " + input.elementCount() + " values does not divide into rows of "
                    + inputDepth);
        }
        int batches = (int) (input.elementCount() / inputDepth);
        if (output.elementCount() != (long) batches * outputDepth) {
            throw new LoweringException(where + ": output has " + output.elementCount() + " values, expected "
                    + batches * outputDepth);
        }
        return batches;
    }
}
