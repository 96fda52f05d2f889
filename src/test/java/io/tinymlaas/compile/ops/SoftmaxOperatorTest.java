package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** SOFTMAX int8: our C against the TFLite 2.6 interpreter, bit for bit. */
public class SoftmaxOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 60;
    public static final Quantization SPEC_OUTPUT = Quantization.perTensor(1f / 256, -128);

    @TempDir
    Path dir;

    public static TfliteModel softmax(int[] shape, Quantization input, Quantization output, float beta) {
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, input),
                OperatorHarness.activation("output", shape, output));
        return OperatorHarness.singleOperator(BuiltinOperator.SOFTMAX, tensors, new int[] {0}, Activation.NONE,
                new OperatorOptions.Softmax(beta));
    }

    @Test
    void randomSoftmaxesAreBitExact() {
        Random random = new Random(31337);
        for (int m = 0; m < MODELS; m++) {
            int[] shape = switch (m % 3) {
                case 0 -> new int[] {1, 1 + random.nextInt(40)};
                case 1 -> new int[] {1 + random.nextInt(3), 2 + random.nextInt(12)};
                default -> new int[] {1, 2, 3, 1 + random.nextInt(16)};
            };
            // Input scales from 1/256 to 1/4, as classifiers' logits have; beta mostly 1.
            Quantization input = Quantization.perTensor((float) (1 / 256.0 + random.nextDouble() * 0.25),
                    random.nextInt(256) - 128);
            float beta = m % 4 == 3 ? (float) (0.25 + random.nextDouble() * 2) : 1f;
            OperatorHarness.assertBitExact(softmax(shape, input, SPEC_OUTPUT, beta), CASES, random, dir, "softmax" + m);
        }
    }

    @Test
    void theTableMatchesTheHostLibmExpfThatTheInterpreterCalls() throws Exception {
        // The interpreter's native library calls the system's expf; our compile-time Expf must agree with it.
        java.nio.file.Path program = dir.resolve("expf.c");
        java.nio.file.Files.writeString(program, """
                #include <math.h>
                #include <stdio.h>
                int main(void) {
                    float x;
                    while (fread(&x, sizeof x, 1, stdin) == 1) {
                        float y = expf(x);
                        fwrite(&y, sizeof y, 1, stdout);
                    }
                    return 0;
                }
                """);
        java.nio.file.Path binary = dir.resolve("expf");
        Process gcc = new ProcessBuilder("gcc", "-O1", program.toString(), "-o", binary.toString(), "-lm")
                .redirectErrorStream(true).start();
        org.assertj.core.api.Assertions.assertThat(gcc.waitFor()).as(new String(gcc.getInputStream().readAllBytes())).isZero();
        Random random = new Random(99);
        int scales = 2000;
        java.nio.ByteBuffer args = java.nio.ByteBuffer.allocate(scales * 256 * 4).order(java.nio.ByteOrder.nativeOrder());
        float[] expected = new float[scales * 256];
        for (int s = 0; s < scales; s++) {
            float scale = -(float) (1 / 512.0 + random.nextDouble() * 2);
            for (int d = 0; d < 256; d++) {
                float x = scale * (float) d;
                args.putFloat(x);
                expected[s * 256 + d] = Expf.expf(x);
            }
        }
        java.nio.file.Path in = dir.resolve("args.bin");
        java.nio.file.Files.write(in, args.array());
        Process run = new ProcessBuilder(binary.toString()).redirectInput(in.toFile()).start();
        java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(run.getInputStream().readAllBytes()).order(java.nio.ByteOrder.nativeOrder());
        org.assertj.core.api.Assertions.assertThat(run.waitFor()).isZero();
        int mismatches = 0;
        String first = null;
        for (int i = 0; i < expected.length; i++) {
            float host = out.getFloat(i * 4);
            if (Float.floatToRawIntBits(host) != Float.floatToRawIntBits(expected[i])) {
                mismatches++;
                if (first == null) {
                    first = "expf(" + Float.toHexString(args.getFloat(i * 4)) + ") host " + Float.toHexString(host) + " ours "
                            + Float.toHexString(expected[i]);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(mismatches).as("mismatches, first: %s", first).isZero();
    }

    @Test
    void anOutputOutsideTheSpecIsRejected() {
        TfliteModel model = softmax(new int[] {1, 10}, Quantization.perTensor(0.1f, 0), Quantization.perTensor(1f / 255, -128), 1f);
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/softmax.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/softmax.tflite: operator #0 SOFTMAX: int8 output must have scale 1/256");
    }
}
