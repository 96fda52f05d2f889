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
 * What firmware/runner/runner.c prints for an output tensor, predicted on the host with the same single-precision
 * operations: (q - zero point) * scale for int8, then six decimals of |v| * 1e6f + 0.5f truncated. Equal int8 outputs
 * thus give equal text, character for character.
 */
public final class RunnerValues {

    private RunnerValues() {
    }

    public static List<String> printed(Tensor output, byte[] tensor) {
        List<String> values = new ArrayList<>();
        if (output.type() == TensorType.FLOAT32) {
            ByteBuffer floats = ByteBuffer.wrap(tensor).order(ByteOrder.LITTLE_ENDIAN);
            while (floats.remaining() >= Float.BYTES) {
                values.add(fixed6(floats.getFloat()));
            }
            return values;
        }
        if (output.type() != TensorType.INT8) {
            throw new TinymlException("the runner firmware prints int8 or float32 outputs; " + output.name() + " is " + output.type());
        }
        Quantization q = output.quantization();
        for (byte b : tensor) {
            values.add(fixed6((float) (b - q.zeroPoint()) * q.scale()));
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
