package io.tinymlaas.oracle;

import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the TF Lite 2.6 interpreter rejects in a model that TFLM, which runs on the devices, accepts, found before the
 * interpreter is asked: a tensor whose quantized_dimension lies outside its dimensions. TFLM's own person_detect.tflite
 * has 14: per-channel int32 biases of one dimension that kept the axis 3 of their convolution's weights. The 2.6
 * interpreter checks every tensor's axis; TFLM does not, and neither TFLM's kernels nor ours read a bias's scales (its
 * scale is the input's times the weights'), so such a model runs alike on both.
 */
public final class ReferenceLimits {

    private ReferenceLimits() {
    }

    /** The first such tensor, how many more, and why the interpreter rejects them, in one line; empty when none. */
    public static Optional<String> rejection(TfliteModel model) {
        List<Integer> rejected = new ArrayList<>();
        for (int t = 0; t < model.tensors().size(); t++) {
            if (axisOutside(model.tensor(t))) {
                rejected.add(t);
            }
        }
        if (rejected.isEmpty()) {
            return Optional.empty();
        }
        int first = rejected.get(0);
        Tensor tensor = model.tensor(first);
        return Optional.of("reference interpreter 2.6 rejects tensor " + first + " '" + tensor.name() + "'"
                + (rejected.size() > 1 ? " and " + (rejected.size() - 1) + " more" : "") + ": quantized_dimension "
                + tensor.quantization().dimension() + " (of its " + tensor.quantization().scales().length
                + " scales) outside its " + tensor.shape().length + " dimension(s), which TFLM does not check");
    }

    /** The interpreter's check of the axis (InterpreterBuilder::ParseQuantization), which a scalar passes. */
    private static boolean axisOutside(Tensor tensor) {
        Quantization q = tensor.quantization();
        return q != null && tensor.shape().length > 0
                && (q.dimension() < 0 || q.dimension() >= tensor.shape().length);
    }
}
