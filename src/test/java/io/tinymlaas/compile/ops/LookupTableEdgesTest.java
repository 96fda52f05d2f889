package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * LOGISTIC, TANH and SOFTMAX int8 read tables the interpreter fills at prepare time in float arithmetic with the host
 * libm's expf and tanhf (which are not correctly rounded): an entry whose value lies within a few ulps of an int8
 * rounding boundary depends on those exact bits. Each test searches input scales and zero points (the zero points at
 * the ends of int8 among them, beta other than 1 for softmax) for a table where another arithmetic (double, or a
 * correctly rounded tanh) would give a different int8 output, and checks our compiled model against the interpreter
 * on every input there.
 */
class LookupTableEdgesTest {

    private static final int SEARCH_LIMIT = 200_000;

    @TempDir
    Path dir;

    @Test
    void logisticMatchesTheInterpreterWhereFloatAndDoubleArithmeticGiveDifferentTables() {
        Quantization out = Quantization.perTensor(1f / 256, -128);
        assertBitExactWhereTablesDiffer(BuiltinOperator.LOGISTIC, out, x -> 1f / (1f + Expf.expf(-x)),
                x -> (float) (1 / (1 + StrictMath.exp(-(double) x))));
    }

    @Test
    void tanhMatchesTheInterpreterWhereTheLibmAndCorrectlyRoundedTanhGiveDifferentTables() {
        Quantization out = Quantization.perTensor(1f / 128, 0);
        assertBitExactWhereTablesDiffer(BuiltinOperator.TANH, out, Tanhf::tanhf, x -> (float) StrictMath.tanh(x));
    }

    private void assertBitExactWhereTablesDiffer(int opcode, Quantization out, ActivationLowering.FloatFunction libm,
                                                 ActivationLowering.FloatFunction correctlyRounded) {
        Random random = new Random(opcode);
        for (int attempt = 0; attempt < SEARCH_LIMIT; attempt++) {
            Quantization in = edgeQuantization(random, attempt);
            if (!Arrays.equals(ActivationLowering.table(in, out, libm), ActivationLowering.table(in, out, correctlyRounded))) {
                TfliteModel model = ReluOperatorTest.unary(opcode, new int[] {1, 256}, in, out);
                OperatorHarness.assertBitExact(model, new byte[][] {everyInt8()}, dir, "lut" + opcode);
                return;
            }
        }
        throw new AssertionError("no input quantization found where the tables differ; the test would prove nothing");
    }

    @Test
    void softmaxWithBetaOtherThanOneMatchesTheInterpreterWhereFloatAndDoubleArithmeticGiveDifferentOutputs() {
        // Rows {v, 127} for every v: each output depends on one table entry and the sum with entry 255.
        byte[] rows = new byte[512];
        for (int v = -128; v <= 127; v++) {
            rows[2 * (v + 128)] = (byte) v;
            rows[2 * (v + 128) + 1] = 127;
        }
        Random random = new Random(25);
        for (int attempt = 0; attempt < SEARCH_LIMIT; attempt++) {
            Quantization in = edgeQuantization(random, attempt);
            float beta = (float) Math.pow(2, random.nextDouble() * 4 - 2);
            double[] inDouble = new double[256];
            for (int d = 0; d <= 255; d++) {
                inDouble[255 - d] = StrictMath.exp(-(double) in.scale() * beta * d);
            }
            float[] libm = SoftmaxLowering.table(in.scale(), beta);
            if (libm[0] != 0f && !Arrays.equals(softmax(libm, rows), softmaxInDouble(inDouble, rows))) {
                TfliteModel model = SoftmaxOperatorTest.softmax(new int[] {256, 2}, in, SoftmaxOperatorTest.SPEC_OUTPUT, beta);
                OperatorHarness.assertBitExact(model, new byte[][] {rows}, dir, "softmax_beta");
                return;
            }
        }
        throw new AssertionError("no input scale and beta found where the tables give different outputs; the test would prove nothing");
    }

    /** The int8 softmax of rows of two, as the interpreter's table kernel computes it (output scale 1/256, zero point -128). */
    private static byte[] softmax(float[] table, byte[] rows) {
        byte[] out = new byte[rows.length];
        for (int r = 0; r < rows.length; r += 2) {
            int max = Math.max(rows[r], rows[r + 1]);
            float sum = table[255 - max + rows[r]] + table[255 - max + rows[r + 1]];
            float inverse = 1f / (sum * (1f / 256));
            for (int j = r; j < r + 2; j++) {
                float probability = table[255 - max + rows[j]] * inverse;
                int whole = (int) probability;
                out[j] = (byte) Math.min(127, (probability - whole >= 0.5f ? whole + 1 : whole) - 128);
            }
        }
        return out;
    }

    private static byte[] softmaxInDouble(double[] table, byte[] rows) {
        byte[] out = new byte[rows.length];
        for (int r = 0; r < rows.length; r += 2) {
            int max = Math.max(rows[r], rows[r + 1]);
            double sum = table[255 - max + rows[r]] + table[255 - max + rows[r + 1]];
            for (int j = r; j < r + 2; j++) {
                out[j] = (byte) Math.min(127, Math.round(table[255 - max + rows[j]] / sum * 256) - 128);
            }
        }
        return out;
    }

    /** Input scales from 1e-4 to 3; every other zero point at an end of int8. */
    private static Quantization edgeQuantization(Random random, int attempt) {
        float scale = (float) Math.pow(10, -4 + random.nextDouble() * 4.5);
        int zeroPoint = switch (attempt % 4) {
            case 0 -> -128;
            case 1 -> 127;
            default -> random.nextInt(256) - 128;
        };
        return Quantization.perTensor(scale, zeroPoint);
    }

    private static byte[] everyInt8() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) (i - 128);
        }
        return all;
    }
}
