package io.tinymlaas.tflite;

/**
 * The multiply-accumulates of one inference, counted from the graph: the figure that sizes a model for a
 * microcontroller before any firmware is built. Only CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED multiply weights;
 * taps in the padding are counted as if they were computed, as a straightforward kernel does.
 */
public final class MultiplyAccumulates {

    private MultiplyAccumulates() {
    }

    public static long count(TfliteModel model) {
        long total = 0;
        for (Operator op : model.operators()) {
            long outputs = model.tensor(op.outputs()[0]).elementCount();
            int[] weights = op.inputs().length > 1 ? model.tensor(op.inputs()[1]).shape() : new int[0];
            total += switch (op.name()) {
                case "CONV_2D" -> outputs * weights[1] * weights[2] * weights[3];
                case "DEPTHWISE_CONV_2D" -> outputs * weights[1] * weights[2];
                case "FULLY_CONNECTED" -> outputs * weights[1];
                default -> 0;
            };
        }
        return total;
    }
}
