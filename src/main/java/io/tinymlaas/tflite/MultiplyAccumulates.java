package io.tinymlaas.tflite;

/**
 * The multiply-accumulates of one inference, counted from the graph: the figure that sizes a model for a
 * microcontroller before any firmware is built. Each operator's count is in its {@link OperatorSpec} (only CONV_2D,
 * DEPTHWISE_CONV_2D and FULLY_CONNECTED multiply weights); taps in the padding are counted as if they were computed, as a
 * straightforward kernel does.
 */
public final class MultiplyAccumulates {

    private MultiplyAccumulates() {
    }

    public static long count(TfliteModel model) {
        long total = 0;
        for (Operator op : model.operators()) {
            long outputs = model.tensor(op.outputs()[0]).elementCount();
            int[] weights = op.inputs().length > 1 ? model.tensor(op.inputs()[1]).shape() : new int[0];
            OperatorSpec spec = Operators.byCode(op.opcode());
            total += spec == null ? 0 : spec.macs().count(outputs, weights);
        }
        return total;
    }
}
