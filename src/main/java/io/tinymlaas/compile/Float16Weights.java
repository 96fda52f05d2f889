package io.tinymlaas.compile;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Published float models often store their weights as float16 and widen them with a DEQUANTIZE operator (the
 * interpreter runs it once, its input being constant). Here that widening happens at compile time: the operator's
 * output becomes a constant float32 tensor (every float16 value is exact in float32) and the operator is skipped.
 */
final class Float16Weights {

    /** The model with the widened constants, and the indexes of the operators that no longer need to run. */
    record Folded(TfliteModel model, Set<Integer> skipped) {
    }

    private Float16Weights() {
    }

    static Folded fold(TfliteModel model) {
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        Set<Integer> skipped = new TreeSet<>();
        for (int i = 0; i < model.operators().size(); i++) {
            Operator op = model.operators().get(i);
            if (op.opcode() != BuiltinOperator.DEQUANTIZE || op.inputs().length != 1 || op.outputs().length != 1
                    || op.inputs()[0] < 0) {
                continue;
            }
            Tensor input = tensors.get(op.inputs()[0]);
            Tensor output = tensors.get(op.outputs()[0]);
            if (input.type() != TensorType.FLOAT16 || !input.constant() || output.type() != TensorType.FLOAT32
                    || output.constant() || input.elementCount() != output.elementCount()) {
                continue;
            }
            ByteBuffer half = ByteBuffer.wrap(input.data()).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer single = ByteBuffer.allocate((int) output.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < input.elementCount(); k++) {
                single.putFloat(toFloat(half.getShort(2 * k)));
            }
            tensors.set(op.outputs()[0], new Tensor(output.name(), TensorType.FLOAT32, output.shape(), output.quantization(),
                    single.array()));
            skipped.add(i);
        }
        if (skipped.isEmpty()) {
            return new Folded(model, skipped);
        }
        return new Folded(new TfliteModel(model.description(), tensors, model.operators(), model.inputs(), model.outputs()),
                skipped);
    }

    /** IEEE 754 binary16 to binary32, exactly (subnormals, infinities and NaN included). */
    static float toFloat(short bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = fraction * 0x1p-24f;
        } else if (exponent == 0x1f) {
            magnitude = fraction == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat(((exponent - 15 + 127) << 23) | (fraction << 13));
        }
        return sign == 1 ? -magnitude : magnitude;
    }
}
