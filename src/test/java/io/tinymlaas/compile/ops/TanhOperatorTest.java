package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** TANH int8 (table computed at compile time with our glibc tanhf): our C against the TFLite 2.6 interpreter. */
class TanhOperatorTest {

    private static final int MODELS = 12;
    private static final int CASES = 20;
    static final Quantization SPEC_OUTPUT = Quantization.perTensor(1f / 128, 0);

    @TempDir
    Path dir;

    @Test
    void randomTanhsAreBitExact() {
        Random random = new Random(1414);
        for (int m = 0; m < MODELS; m++) {
            TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.TANH, LogisticOperatorTest.randomShape(random),
                    LogisticOperatorTest.randomInput(random), SPEC_OUTPUT);
            OperatorHarness.assertBitExact(model, CASES, random, dir, "tanh" + m);
        }
    }

    @Test
    void ourTanhfMatchesTheHostLibmThatTheInterpreterCalls() throws Exception {
        Path program = dir.resolve("tanhf.c");
        Files.writeString(program, """
                #include <math.h>
                #include <stdio.h>
                int main(void) {
                    float x;
                    while (fread(&x, sizeof x, 1, stdin) == 1) {
                        float y = tanhf(x);
                        fwrite(&y, sizeof y, 1, stdout);
                    }
                    return 0;
                }
                """);
        Path binary = dir.resolve("tanhf");
        Process gcc = new ProcessBuilder("gcc", "-O1", program.toString(), "-o", binary.toString(), "-lm")
                .redirectErrorStream(true).start();
        assertThat(gcc.waitFor()).as(new String(gcc.getInputStream().readAllBytes())).isZero();
        // Every dequantized value of 2000 random input quantizations, plus 500,000 arbitrary floats of |x| < 30.
        Random random = new Random(77);
        int scales = 2000;
        int arbitrary = 500_000;
        float[] args = new float[scales * 256 + arbitrary];
        for (int s = 0; s < scales; s++) {
            float scale = (float) (1 / 1024.0 + random.nextDouble());
            int zeroPoint = random.nextInt(256) - 128;
            for (int q = -128; q <= 127; q++) {
                args[s * 256 + q + 128] = scale * (float) (q - zeroPoint);
            }
        }
        for (int i = scales * 256; i < args.length; i++) {
            args[i] = (float) ((random.nextDouble() * 2 - 1) * 30);
        }
        ByteBuffer in = ByteBuffer.allocate(args.length * 4).order(ByteOrder.nativeOrder());
        for (float x : args) {
            in.putFloat(x);
        }
        Path input = dir.resolve("args.bin");
        Files.write(input, in.array());
        Process run = new ProcessBuilder(binary.toString()).redirectInput(input.toFile()).start();
        ByteBuffer out = ByteBuffer.wrap(run.getInputStream().readAllBytes()).order(ByteOrder.nativeOrder());
        assertThat(run.waitFor()).isZero();
        int mismatches = 0;
        String first = null;
        for (int i = 0; i < args.length; i++) {
            float host = out.getFloat(i * 4);
            float ours = Tanhf.tanhf(args[i]);
            if (Float.floatToRawIntBits(host) != Float.floatToRawIntBits(ours)) {
                mismatches++;
                if (first == null) {
                    first = "tanhf(" + Float.toHexString(args[i]) + ") host " + Float.toHexString(host) + " ours "
                            + Float.toHexString(ours);
                }
            }
        }
        assertThat(mismatches).as("mismatches, first: %s", first).isZero();
    }

    @Test
    void anOutputOutsideTheSpecIsRejected() {
        TfliteModel model = ReluOperatorTest.unary(BuiltinOperator.TANH, new int[] {1, 8}, Quantization.perTensor(0.1f, 0),
                Quantization.perTensor(1f / 256, -128));
        assertThatThrownBy(() -> AotCompiler.compile(model, "00", "models/tanh.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessageStartingWith("models/tanh.tflite: operator #0 TANH: int8 output must have scale 1/128 and zero point 0");
    }
}
