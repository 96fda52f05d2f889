package io.tinymlaas.compile.ops;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;

/**
 * MEAN over constant axes of a tensor of up to four dimensions, int8 or float32. Prepared here: which dimensions are
 * kept and which reduced, with their input strides, and for int8 the interpreter's path (tinyml/kernels/mean.h):
 * TF Lite 2.6 picks it in EvalMean from the raw axis tensor ({1, 2} or {2, 1} with keep_dims on a 4-D input is
 * the rescaling "spatial" kernel; −3/−2 is not), then from whether input and output share scale and zero point.
 *
 * <p>float32: the interpreter sums each output's elements in input order (as our kernel does), except for a reduction
 * over the last axis alone, which it hands to Eigen's vectorized column sum: four partial sums added pairwise at the
 * end. That order differs from ours by float rounding only, well inside the 1e-5 relative tolerance of float outputs
 * (MeanOperatorTest checks both).
 */
final class MeanLowering {

    private MeanLowering() {
    }

    static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return lower(model, index, op, source, arena, false);
    }

    /**
     * TFLM's int8 MEAN takes one path for every axis set (QuantizedMeanOrSum): Σ (q − input_zero_point) rescaled once,
     * the 1/count folded into the multiplier of input_scale / output_scale ({@link #foldCount}), with double rounding.
     */
    static KernelCall lowerTflm(TfliteModel model, int index, Operator op, String source, CArena arena) {
        return lower(model, index, op, source, arena, true);
    }

    /**
     * TFLM's fold of 1/count into a Q31 multiplier: shifted left by floor(log2 count) (at most 32, and at most 31 + its
     * shift), divided by count in integers (truncating), the shift lowered to match.
     */
    static QuantizedMultiplier foldCount(QuantizedMultiplier multiplier, long count) {
        int shift = Math.min(Math.min(63 - Long.numberOfLeadingZeros(count), 32), 31 + multiplier.shift());
        return new QuantizedMultiplier((int) (((long) multiplier.multiplier() << shift) / count), multiplier.shift() - shift);
    }

    private static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena, boolean tflm) {
        String where = LoweringSupport.where(source, index, op);
        OperatorOptions.Reducer options = LoweringSupport.options(where, op, OperatorOptions.Reducer.class);
        LoweringSupport.requireArity(where, op, 2, 2);
        boolean isFloat = LoweringSupport.isFloat(model, op);
        Tensor input = LoweringSupport.activation(where, "input", model, op.inputs()[0], isFloat);
        Tensor output = LoweringSupport.activation(where, "output", model, op.outputs()[0], isFloat);
        int[] axes = LoweringSupport.int32Constant(where, "axis", model.tensor(op.inputs()[1]));
        int rank = input.shape().length;
        if (rank < 1 || rank > 4) {
            throw new LoweringException(where + ": input has " + rank + " dimensions; 1 to 4 are supported");
        }
        if (axes.length == 0) {
            throw new LoweringException(where + ": the axis tensor is empty");
        }
        boolean[] reduced = new boolean[rank];
        for (int axis : axes) {
            int resolved = axis < 0 ? axis + rank : axis;
            if (resolved < 0 || resolved >= rank) {
                throw new LoweringException(where + ": axis " + axis + " is outside the " + rank + " dimensions");
            }
            reduced[resolved] = true;
        }
        List<Integer> expected = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                expected.add(input.shape()[d]);
            } else if (options.keepDims()) {
                expected.add(1);
            }
        }
        LoweringSupport.requireOutputShape(where, output, expected.stream().mapToInt(Integer::intValue).toArray());
        if (input.elementCount() == 0) {
            throw new LoweringException(where + ": the input is empty");
        }

        int[] keptDims = {1, 1, 1, 1};
        int[] keptStrides = new int[4];
        int[] reducedDims = {1, 1, 1, 1};
        int[] reducedStrides = new int[4];
        int kept = 0;
        int reducedCount = 0;
        int stride = 1;
        int[] strides = new int[rank];
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= input.shape()[d];
        }
        int keptTotal = 0;
        for (boolean r : reduced) {
            keptTotal += r ? 0 : 1;
        }
        int count = 1;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                reducedDims[4 - (rank - keptTotal) + reducedCount] = input.shape()[d];
                reducedStrides[4 - (rank - keptTotal) + reducedCount] = strides[d];
                reducedCount++;
                count *= input.shape()[d];
            } else {
                keptDims[4 - keptTotal + kept] = input.shape()[d];
                keptStrides[4 - keptTotal + kept] = strides[d];
                kept++;
            }
        }
        String shape = "{ .kept_dims = " + LoweringSupport.list(keptDims) + ", .kept_strides = " + LoweringSupport.list(keptStrides)
                + ", .reduced_dims = " + LoweringSupport.list(reducedDims) + ", .reduced_strides = " + LoweringSupport.list(reducedStrides)
                + ", .count = " + count + " }";
        String prefix = "op" + index;
        if (isFloat) {
            String declarations = "static const tinyml_mean_shape " + prefix + "_shape = " + shape + ";\n";
            String call = "tinyml_mean_f32(&" + prefix + "_shape, " + arena.floatPointer(op.inputs()[0]) + ", "
                    + arena.floatPointer(op.outputs()[0]) + ");";
            return new KernelCall("tinyml/kernels/mean.h", declarations, call, List.of());
        }

        Quantization in = LoweringSupport.perTensor(where, "input", input);
        Quantization out = LoweringSupport.perTensor(where, "output", output);
        boolean spatial = options.keepDims() && rank == 4 && axes.length == 2
                && ((axes[0] == 1 && axes[1] == 2) || (axes[0] == 2 && axes[1] == 1));
        String path;
        QuantizedMultiplier multiplier = new QuantizedMultiplier(0, 0);
        float scale = 0f;
        float bias = 0f;
        if (tflm) {
            path = "TINYML_MEAN_S8_FOLDED";
            multiplier = foldCount(QuantizedMultiplier.forRequantize(in.scale(), out.scale()), count);
        } else if (spatial) {
            path = "TINYML_MEAN_S8_SPATIAL";
            multiplier = QuantizedMultiplier.forRequantize(in.scale(), out.scale());
        } else if (in.scale() == out.scale() && in.zeroPoint() == out.zeroPoint()) {
            path = "TINYML_MEAN_S8_SAME_QUANTIZATION";
        } else {
            path = "TINYML_MEAN_S8_FLOAT";
            // In float, as QuantizedMeanOrSum: scale = input_scale / output_scale, bias = -input_zero_point * scale.
            scale = in.scale() / out.scale();
            bias = (float) (-in.zeroPoint()) * scale;
        }
        String declarations = LoweringSupport.struct("tinyml_mean_s8_params", prefix + "_params", "shape", shape, "path", path,
                "input_zero_point", in.zeroPoint(), "output_zero_point", out.zeroPoint(),
                "output_multiplier", multiplier.multiplier(), "output_shift", multiplier.shift(),
                "scale", LoweringSupport.floatLiteral(scale), "bias", LoweringSupport.floatLiteral(bias));
        String call = "tinyml_mean_s8(&" + prefix + "_params, " + arena.pointer(op.inputs()[0]) + ", "
                + arena.pointer(op.outputs()[0]) + ");";
        return new KernelCall("tinyml/kernels/mean.h", declarations, call, List.of());
    }
}
