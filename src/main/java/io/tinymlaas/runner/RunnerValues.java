package io.tinymlaas.runner;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What firmware/runner/runner.c prints for the output tensors, predicted on the host with the same single-precision
 * operations: (q - zero point) * scale for int8, then six decimals of |v| * 1e6f + 0.5f truncated. Equal int8 outputs
 * thus give equal text, character for character.
 */
public final class RunnerValues {

    private RunnerValues() {
    }

    /** Every output tensor's printed values, one tensor after the other as their bytes lie in {@code outputBytes}. */
    public static List<String> printed(List<Tensor> outputs, byte[] outputBytes) {
        List<String> values = new ArrayList<>();
        ByteBuffer bytes = ByteBuffer.wrap(outputBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor output : outputs) {
            if (output.type() != TensorType.INT8 && output.type() != TensorType.FLOAT32) {
                throw new TinymlException("the runner firmware prints int8 or float32 outputs; " + output.name() + " is "
                        + output.type());
            }
            Quantization q = output.quantization();
            for (long i = 0; i < output.elementCount(); i++) {
                values.add(fixed6(output.type() == TensorType.FLOAT32 ? bytes.getFloat()
                        : (float) (bytes.get() - q.zeroPoint()) * q.scale()));
            }
        }
        return values;
    }

    static String fixed6(float value) {
        float magnitude = Math.abs(value);
        long micros = (long) (magnitude * 1_000_000f + 0.5f);
        String sign = value < 0f && micros != 0 ? "-" : "";
        return sign + (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }
}
