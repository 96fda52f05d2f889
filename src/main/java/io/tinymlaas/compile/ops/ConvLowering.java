package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;

/**
 * CONV_2D and DEPTHWISE_CONV_2D, int8 activations, int8 symmetric weights (per channel or per tensor), int32 bias:
 * the interpreter's prepare step (output size, padding, one Q31 multiplier per output channel) done here.
 * <pre>out[b][y][x][oc] = clamp(out_zp + M[oc]·(bias[oc] + Σ_window (in − in_zp)·w))</pre>
 * where input taps outside the image contribute nothing. The 16x8 scheme (int16 activations with zero point 0, int64
 * bias) has the same parameters and its own kernels, which sum in int64 and rescale as the interpreter does there.
 */
final class ConvLowering {

    private ConvLowering() {
    }

    static KernelCall lowerConv(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.Conv2D options = LoweringSupport.options(where, op, OperatorOptions.Conv2D.class);
        return lower(model, index, op, arena, where, false, options.padding(), options.strideW(), options.strideH(),
                options.dilationW(), options.dilationH(), 1);
    }

    static KernelCall lowerDepthwise(TfliteModel model, int index, Operator op, String source, CArena arena) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.DepthwiseConv2D options = LoweringSupport.options(where, op, OperatorOptions.DepthwiseConv2D.class);
        return lower(model, index, op, arena, where, true, options.padding(), options.strideW(), options.strideH(),
                options.dilationW(), options.dilationH(), options.depthMultiplier());
    }

    private static KernelCall lower(TfliteModel model, int index, Operator op, CArena arena, String where, boolean depthwise,
                                    OperatorOptions.Padding padding, int strideW, int strideH, int dilationW, int dilationH,
                                    int depthMultiplier) {
        LoweringSupport.requireArity(where, op, 2, 3);
        boolean isFloat = LoweringSupport.isFloat(model, op);
        boolean is16 = LoweringSupport.isInt16(model, op);
        Tensor input = is16 ? LoweringSupport.int16(where, "input", model, op.inputs()[0])
                : LoweringSupport.activation(where, "input", model, op.inputs()[0], isFloat);
        Tensor filter = LoweringSupport.activation(where, "filter", model, op.inputs()[1], isFloat);
        Tensor output = is16 ? LoweringSupport.int16(where, "output", model, op.outputs()[0])
                : LoweringSupport.activation(where, "output", model, op.outputs()[0], isFloat);
        int biasIndex = op.inputs().length > 2 ? op.inputs()[2] : -1;
        Tensor bias = biasIndex >= 0 ? model.tensor(biasIndex) : null;
        if (dilationW != 1 || dilationH != 1) {
            throw new LoweringException(where + ": dilation " + dilationW + "x" + dilationH + " is not supported (only 1)");
        }
        LoweringSupport.requireStrides(where, strideW, strideH);
        if (!filter.constant()) {
            throw new LoweringException(where + ": the filter must be a constant tensor");
        }
        int[] in = LoweringSupport.shape4(where, "input", input);
        int[] f = LoweringSupport.shape4(where, "filter", filter);
        int batches = in[0];
        int inHeight = in[1];
        int inWidth = in[2];
        int inDepth = in[3];
        int filterHeight = f[1];
        int filterWidth = f[2];
        int outDepth;
        if (depthwise) {
            if (f[0] != 1) {
                throw new LoweringException(where + ": depthwise filter shape must be [1, h, w, channels]");
            }
            if (depthMultiplier < 1) {
                throw new LoweringException(where + ": depth multiplier " + depthMultiplier + " is not positive");
            }
            outDepth = f[3];
            if (outDepth != inDepth * depthMultiplier) {
                throw new LoweringException(where + ": filter has " + outDepth + " channels, expected input depth " + inDepth
                        + " × depth multiplier " + depthMultiplier);
            }
        } else {
            outDepth = f[0];
            if (f[3] != inDepth) {
                throw new LoweringException(where + ": filter depth " + f[3] + " differs from input depth " + inDepth);
            }
        }
        int outHeight = LoweringSupport.outputSize(padding, inHeight, filterHeight, strideH);
        int outWidth = LoweringSupport.outputSize(padding, inWidth, filterWidth, strideW);
        if (outHeight < 1 || outWidth < 1) {
            throw new LoweringException(where + ": the filter is larger than the input");
        }
        LoweringSupport.requireOutputShape(where, output, new int[] {batches, outHeight, outWidth, outDepth});
        List<Object> geometry = new ArrayList<>(List.of(
                "batches", batches, "input_height", inHeight, "input_width", inWidth, "input_depth", inDepth,
                "output_height", outHeight, "output_width", outWidth, "output_depth", outDepth,
                "filter_height", filterHeight, "filter_width", filterWidth,
                "stride_height", strideH, "stride_width", strideW,
                "pad_height", LoweringSupport.paddingBefore(strideH, inHeight, filterHeight, outHeight),
                "pad_width", LoweringSupport.paddingBefore(strideW, inWidth, filterWidth, outWidth)));
        if (depthwise) {
            geometry.addAll(List.of("depth_multiplier", depthMultiplier));
        }
        String header = depthwise ? "tinyml/kernels/depthwise_conv.h" : "tinyml/kernels/conv.h";
        if (isFloat) {
            return lowerFloat(model, index, op, arena, where, depthwise, outDepth, geometry, header);
        }
        int channelDimension = depthwise ? 3 : 0;
        Quantization fq = filter.quantization();
        if (fq.scales().length != 1 && (fq.scales().length != outDepth || fq.dimension() != channelDimension)) {
            throw new LoweringException(where + ": filter has " + fq.scales().length + " scales along dimension " + fq.dimension()
                    + "; expected 1 or " + outDepth + " along dimension " + channelDimension);
        }
        for (long zeroPoint : fq.zeroPoints()) {
            if (zeroPoint != 0) {
                throw new LoweringException(where + ": int8 filters must be symmetric (zero point 0), found " + zeroPoint);
            }
        }
        long terms = (long) filterHeight * filterWidth * (depthwise ? 1 : inDepth);
        if (is16) {
            if (bias != null) {
                LoweringSupport.int64Bias(where, model, biasIndex, outDepth, terms);
            }
        } else {
            if (bias != null && (bias.type() != TensorType.INT32 || !bias.constant() || bias.elementCount() != outDepth)) {
                throw new LoweringException(where + ": bias '" + bias.name() + "' must be a constant INT32 tensor of " + outDepth
                        + " values, found " + bias.type() + java.util.Arrays.toString(bias.shape()));
            }
            LoweringSupport.requireBiasFitsAccumulator(where, bias, terms);
        }

        Quantization out = output.quantization();
        int[] multipliers = new int[outDepth];
        int[] shifts = new int[outDepth];
        for (int c = 0; c < outDepth; c++) {
            float filterScale = fq.scales().length == 1 ? fq.scale() : fq.scales()[c];
            QuantizedMultiplier m = QuantizedMultiplier.forConvolution(input.quantization().scale(), filterScale, out.scale());
            multipliers[c] = m.multiplier();
            shifts[c] = is16 ? QuantizedMultiplier.requireInt64Shift(m, where) : m.shift();
        }
        int[] range = is16 ? LoweringSupport.activationRange16(op.fusedActivation(), out, where)
                : LoweringSupport.activationRange(op.fusedActivation(), out, where);

        String prefix = "op" + index;
        String type = depthwise ? "tinyml_depthwise_conv_s8_params" : "tinyml_conv_s8_params";
        StringBuilder declarations = new StringBuilder();
        declarations.append(LoweringSupport.int32Array(prefix + "_multipliers", multipliers, "per output channel Q31 multipliers"));
        declarations.append(LoweringSupport.int32Array(prefix + "_shifts", shifts, null));
        List<Object> fields = new ArrayList<>(geometry);
        fields.addAll(List.of("input_offset", -input.quantization().zeroPoint(), "output_offset", out.zeroPoint(),
                "activation_min", range[0], "activation_max", range[1],
                "output_multiplier", prefix + "_multipliers", "output_shift", prefix + "_shifts"));
        declarations.append(LoweringSupport.struct(type, prefix + "_params", fields.toArray()));

        List<Integer> constants = new ArrayList<>(List.of(op.inputs()[1]));
        if (bias != null) {
            constants.add(biasIndex);
        }
        String function = (depthwise ? "tinyml_depthwise_conv_" : "tinyml_conv_") + (is16 ? "s16" : "s8");
        String call = function + "(&" + prefix + "_params, "
                + (is16 ? arena.int16Pointer(op.inputs()[0]) : arena.pointer(op.inputs()[0])) + ", "
                + CArena.constantName(op.inputs()[1]) + ", " + (bias == null ? "0" : CArena.constantName(biasIndex)) + ", "
                + (is16 ? arena.int16Pointer(op.outputs()[0]) : arena.pointer(op.outputs()[0])) + ");";
        return new KernelCall(header, declarations.toString(), call, constants);
    }

    /**
     * float32: constant filter and bias, the geometry in the int8 parameter struct (its quantization fields zero) and the
     * fused activation as a float range. The kernels sum in the interpreter's order (its im2col GEMM for CONV_2D, bias
     * first and taps in row-major order for DEPTHWISE_CONV_2D), so results are identical (FloatOperatorTest).
     */
    private static KernelCall lowerFloat(TfliteModel model, int index, Operator op, CArena arena, String where, boolean depthwise,
                                         int outDepth, List<Object> geometry, String header) {
        List<Integer> constants = new ArrayList<>();
        String filter = LoweringSupport.floatConstant(where, "filter", model, op.inputs()[1], constants);
        String bias = "0";
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            bias = LoweringSupport.floatConstant(where, "bias", model, op.inputs()[2], constants);
            if (model.tensor(op.inputs()[2]).elementCount() != outDepth) {
                throw new LoweringException(where + ": bias has " + model.tensor(op.inputs()[2]).elementCount()
                        + " values, expected " + outDepth);
            }
        }
        String[] range = LoweringSupport.floatActivationRange(op.fusedActivation(), where);
        String type = depthwise ? "tinyml_depthwise_conv_f32" : "tinyml_conv_f32";
        String params = "op" + index + "_params";
        String declarations = LoweringSupport.struct(type + "_params", params, "geometry", LoweringSupport.initializer(geometry.toArray()),
                "activation_min", range[0], "activation_max", range[1]);
        String call = type + "(&" + params + ", " + arena.floatPointer(op.inputs()[0]) + ", " + filter + ", " + bias + ", "
                + arena.floatPointer(op.outputs()[0]) + ");";
        return new KernelCall(header, declarations, call, constants);
    }
}
