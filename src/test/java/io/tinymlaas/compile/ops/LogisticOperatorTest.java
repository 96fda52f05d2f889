package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** LOGISTIC int8 (table computed at compile time): our C against the TFLite 2.6 interpreter, bit for bit. */
class LogisticOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 20;
    static final Quantization SPEC_OUTPUT = Quantization.perTensor(1f / 256, -128);

    @TempDir
    Path dir;

    /** Input scales from 1/512 to 1/4 (so that both the linear part and saturation occur), any zero point. */
    static Quantization randomInput(Random random) {
        return Quantization.perTensor((float) (1 / 512.0 + random.nextDouble() * 0.25), random.nextInt(256) - 128);
    }

    /** Mostly 256+ values per inference, so that every table entry is compared. */
    static int[] randomShape(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new int[] {1, 256 + random.nextInt(100)};
            case 1 -> new int[] {1, 4, 4, 16 + random.nextInt(16)};
            default -> new int[] {1 + random.nextInt(3), 1 + random.nextInt(20)};
        };
    }

    @Test
    void randomLogisticsAreBitExact() {
        Random random = new Random(2718);
        for (int m = 0; m < MODELS; m++) {
            TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.LOGISTIC, randomShape(random), randomInput(random),
                    SPEC_OUTPUT);
            OperatorHarness.assertBitExact(model, CASES, random, dir, "logistic" + m);
        }
    }

    @Test
    void anOutputOutsideTheSpecIsRejected() {
        TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.LOGISTIC, new int[] {1, 8}, Quantization.perTensor(0.1f, 0),
                Quantization.perTensor(1f / 128, 0));
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/logistic.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/logistic.tflite: operator #0 LOGISTIC: int8 output must have scale 1/256 and zero point -128");
    }
}
