package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.util.List;

/**
 * QUANTIZE (int8 → int8 requantization, float32 → int8) and DEQUANTIZE (int8 → float32), per-tensor, any shape.
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
        Tensor output = LoweringSupport.int8(where, "output", model, op.outputs()[0]);
        LoweringSupport.requireSameShape(where, input, output);
        Quantization out = LoweringSupport.perTensor(where, "output", output);
        String params = "op" + index + "_params";
        String in = arena.pointer(op.inputs()[0]);
        String result = arena.pointer(op.outputs()[0]);
        if (input.type() == TensorType.FLOAT32 && !input.constant()) {
            String declarations = LoweringSupport.struct("tinyml_quantize_f32_s8_params", params, "size", input.elementCount(),
                    "scale", Double.toHexString(out.scale()), "zero_point", out.zeroPoint());
            return new KernelCall("tinyml/kernels/quantize.h", declarations,
                    "tinyml_quantize_f32_s8(&" + params + ", " + in + ", " + result + ");", List.of());
        }
        if (input.type() != TensorType.INT8 || input.constant()) {
            throw new LoweringException(where + ": input '" + input.name() + "' is " + (input.constant() ? "a constant " : "")
                    + input.type() + "; only activations of type INT8 (requantization) or FLOAT32 are supported");
        }
        LoweringSupport.int8(where, "input", model, op.inputs()[0]);
        Quantization q = LoweringSupport.perTensor(where, "input", input);
        QuantizedMultiplier multiplier = QuantizedMultiplier.forRequantize(q.scale(), out.scale());
        String declarations = LoweringSupport.struct("tinyml_requantize_s8_params", params, "size", input.elementCount(),
                "input_zero_point", q.zeroPoint(), "output_zero_point", out.zeroPoint(),
                "output_multiplier", multiplier.multiplier(), "output_shift", multiplier.shift());
        return new KernelCall("tinyml/kernels/quantize.h", declarations,
                "tinyml_requantize_s8(&" + params + ", " + in + ", " + result + ");", List.of());
    }

    static KernelCall lowerDequantize(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        LoweringSupport.requireArity(where, op, 1, 1);
        Tensor input = LoweringSupport.int8(where, "input", model, op.inputs()[0]);
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
        String declarations = LoweringSupport.struct("tinyml_dequantize_s8_f32_params", params, "size", input.elementCount(),
                "scale", LoweringSupport.floatLiteral(q.scale()), "zero_point", q.zeroPoint());
        return new KernelCall("tinyml/kernels/quantize.h", declarations, "tinyml_dequantize_s8_f32(&" + params + ", "
                + arena.pointer(op.inputs()[0]) + ", " + arena.pointer(op.outputs()[0]) + ");", List.of());
    }
}
