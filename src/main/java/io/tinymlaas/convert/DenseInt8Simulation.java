package io.tinymlaas.convert;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Runs a chain of int8 FULLY_CONNECTED operators as {@link Int8Converter} writes them, in integer arithmetic with the
 * rescale done in double: the interpreter's outputs to within a rounding tie, which is all a choice between two
 * conversions of one network needs. It lets the converter measure what quantization costs before writing a file.
 */
final class DenseInt8Simulation {

    private DenseInt8Simulation() {
    }

    /** The mean squared difference between the int8 model's dequantized outputs and the float ones, {@code expected}. */
    static double meanSquaredError(TfliteModel model, float[][] inputs, float[][] expected) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < inputs.length; k++) {
            float[] wanted = expected[k];
            double[] actual = run(model, inputs[k]);
            for (int i = 0; i < wanted.length; i++) {
                double difference = actual[i] - wanted[i];
                sum += difference * difference;
                count++;
            }
        }
        return sum / count;
    }

    static double[] run(TfliteModel model, float[] input) {
        Quantization current = model.input().quantization();
        int[] activation = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            activation[i] = clamp(Rounding.halfAwayFromZero(input[i] / (double) current.scale()) + current.zeroPoint());
        }
        for (Operator op : model.operators()) {
            Tensor weights = model.tensor(op.inputs()[1]);
            IntBuffer bias = ByteBuffer.wrap(model.tensor(op.inputs()[2]).data()).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            Quantization out = model.tensor(op.outputs()[0]).quantization();
            int units = weights.shape()[0];
            int width = weights.shape()[1];
            double multiplier = (double) current.scale() * weights.quantization().scale() / out.scale();
            int lowest = op.fusedActivation() == Activation.RELU ? out.zeroPoint() : Byte.MIN_VALUE;
            int[] next = new int[units];
            for (int u = 0; u < units; u++) {
                long accumulator = bias.get(u);
                for (int i = 0; i < width; i++) {
                    accumulator += (long) (activation[i] - current.zeroPoint()) * weights.data()[u * width + i];
                }
                next[u] = Math.max(lowest, clamp(Rounding.halfAwayFromZero(accumulator * multiplier) + out.zeroPoint()));
            }
            activation = next;
            current = out;
        }
        double[] output = new double[activation.length];
        for (int i = 0; i < output.length; i++) {
            output[i] = current.dequantize(activation[i]);
        }
        return output;
    }

    private static int clamp(long value) {
        return (int) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, value));
    }
}
