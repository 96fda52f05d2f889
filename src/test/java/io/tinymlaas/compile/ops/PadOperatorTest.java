package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** PAD int8 (constant paddings, 1-D to 4-D): our C against the TFLite 2.6 interpreter, bit for bit. */
class PadOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 20;

    @TempDir
    Path dir;

    static Tensor int32Constant(String name, int[] shape, int... values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            data.putInt(v);
        }
        return new Tensor(name, TensorType.INT32, shape, null, data.array());
    }

    static TfliteModel pad(int[] shape, int[] paddings, Quantization q, Quantization outQ) {
        int rank = shape.length;
        int[] outShape = new int[rank];
        for (int d = 0; d < rank; d++) {
            outShape[d] = shape[d] + paddings[2 * d] + paddings[2 * d + 1];
        }
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, q),
                int32Constant("paddings", new int[] {rank, 2}, paddings), OperatorHarness.activation("output", outShape, outQ));
        return OperatorHarness.singleOperator(BuiltinOperator.PAD, tensors, new int[] {0, 1}, Activation.NONE,
                new OperatorOptions.Pad());
    }

    @Test
    void randomPadsAreBitExact() {
        Random random = new Random(808);
        for (int m = 0; m < MODELS; m++) {
            int rank = 1 + m % 4;
            int[] shape = new int[rank];
            int[] paddings = new int[2 * rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = 1 + random.nextInt(d == 0 && rank == 4 ? 2 : 6);
                paddings[2 * d] = random.nextInt(3);
                paddings[2 * d + 1] = random.nextInt(3);
            }
            Quantization q = OperatorHarness.randomActivationQuantization(random);
            OperatorHarness.assertBitExact(pad(shape, paddings, q, q), CASES, random, dir, "pad" + m);
        }
    }

    @Test
    void differentInputAndOutputQuantizationIsRejected() {
        TfliteModel model = pad(new int[] {1, 2, 2, 1}, new int[] {0, 0, 1, 1, 1, 1, 0, 0}, Quantization.perTensor(0.1f, 0),
                Quantization.perTensor(0.2f, 0));
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/pad.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/pad.tflite: operator #0 PAD: input and output quantization differ");
    }
}
