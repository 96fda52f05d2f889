package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.util.List;

/**
 * QUANTIZE (int8 → int8 requantization, float32 → int8) and DEQUANTIZE (int8 → float32), per-tensor, any shape; the
 * same to and from int16 (the 16x8 scheme's interfaces: int16 → int8 or int16, float32 → int16, int16 → float32).
 * Requantization uses the multiplier input_scale/output_scale computed in double, as TF Lite 2.6's Prepare does,
 * applied with double rounding; float → int8 divides by the scale in double (see kernels/quantize.h).
 * Float tensors can only be intermediate: the generated model's interface is int8 (see {@link AotCompiler}).
 */
final class QuantizeLowering {

    private QuantizeLowering() {
    }

    static KernelCall lowerQuantize(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 1);
        Tensor input = model.tensor(op.inputs()[0]);
        Tensor output = quantized(where, "output", model, op.outputs()[0]);
        boolean out16 = output.type() == TensorType.INT16;
        LoweringSupport.requireSameShape(where, input, output);
        Quantization out = LoweringSupport.perTensor(where, "output", output);
        String params = "op" + index + "_params";
        String in = arena.pointer(op.inputs()[0]);
        String result = out16 ? arena.int16Pointer(op.outputs()[0]) : arena.pointer(op.outputs()[0]);
        if (input.type() == TensorType.FLOAT32 && !input.constant()) {
            String function = out16 ? "tinyml_quantize_f32_s16" : "tinyml_quantize_f32_s8";
            String declarations = LoweringSupport.struct("tinyml_quantize_f32_s8_params", params, "size", input.elementCount(),
                    "scale", Double.toHexString(out.scale()), "zero_point", out.zeroPoint());
            return new KernelCall("tinyml/kernels/quantize.h", declarations, function + "(&" + params + ", " + in + ", " + result
                    + ");", List.of());
        }
        boolean in16 = input.type() == TensorType.INT16;
        if ((input.type() != TensorType.INT8 && !in16) || input.constant() || (out16 && !in16)) {
            throw new LoweringException(where + ": input '" + input.name() + "' is " + (input.constant() ? "a constant " : "")
                    + input.type() + " and output " + output.type() + "; only activations INT8 -> INT8, INT16 -> INT8 or INT16 "
                    + "(requantization) or FLOAT32 -> INT8 or INT16 are supported");
        }
        quantized(where, "input", model, op.inputs()[0]);
        Quantization q = LoweringSupport.perTensor(where, "input", input);
        QuantizedMultiplier multiplier = QuantizedMultiplier.forRequantize(q.scale(), out.scale());
        String declarations = LoweringSupport.struct("tinyml_requantize_s8_params", params, "size", input.elementCount(),
                "input_zero_point", q.zeroPoint(), "output_zero_point", out.zeroPoint(),
                "output_multiplier", multiplier.multiplier(), "output_shift", multiplier.shift());
        String function = !in16 ? "tinyml_requantize_s8" : out16 ? "tinyml_requantize_s16" : "tinyml_requantize_s16_s8";
        return new KernelCall("tinyml/kernels/quantize.h", declarations,
                function + "(&" + params + ", " + (in16 ? arena.int16Pointer(op.inputs()[0]) : in) + ", " + result + ");",
                List.of());
    }

    /** A quantized int8 or int16 tensor (the int16 ones of QUANTIZE and DEQUANTIZE may have any zero point). */
    private static Tensor quantized(String where, String role, TfliteModel model, int index) {
        Tensor tensor = model.tensor(index);
        if (tensor.type() == TensorType.INT16 && tensor.quantization() != null) {
            return tensor;
        }
        return LoweringSupport.int8(where, role, model, index);
    }

    static KernelCall lowerDequantize(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 1);
        Tensor input = quantized(where, "input", model, op.inputs()[0]);
        Tensor output = model.tensor(op.outputs()[0]);
        if (output.type() != TensorType.FLOAT32) {
            throw new LoweringException(where + ": output '" + output.name() + "' is " + output.type()
                    + "; only FLOAT32 is supported");
        }
        if (input.constant()) {
            throw new LoweringException(where + ": input '" + input.name() + "' is a constant; only activations are supported");
        }
        LoweringSupport.requireSameShape(where, input, output);
        Quantization q = LoweringSupport.perTensor(where, "input", input);
        String params = "op" + index + "_params";
        boolean in16 = input.type() == TensorType.INT16;
        String declarations = LoweringSupport.struct("tinyml_dequantize_s8_f32_params", params, "size", input.elementCount(),
                "scale", LoweringSupport.floatLiteral(q.scale()), "zero_point", q.zeroPoint());
        return new KernelCall("tinyml/kernels/quantize.h", declarations, (in16 ? "tinyml_dequantize_s16_f32(&" : "tinyml_dequantize_s8_f32(&")
                + params + ", " + (in16 ? arena.int16Pointer(op.inputs()[0]) : arena.pointer(op.inputs()[0])) + ", "
                + arena.pointer(op.outputs()[0]) + ");", List.of());
    }
}
