package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SigmoidTableTest {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The 16x8 LOGISTIC/TANH table in the C kernel is the formula its comment states, not copied numbers. */
    @Test
    void theKernelsSigmoidTableIsTheInterpolationCorrectedSigmoidOfItsComment() throws Exception {
        String source = Files.readString(Path.of("firmware/kernels/ref/lookup_table_s16.c"));
        String body = source.substring(source.indexOf("sigmoid_q16[256] = {") + 20);
        int[] table = Arrays.stream(body.substring(0, body.indexOf("};")).split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).mapToInt(Integer::parseInt).toArray();
        double h = 1 / 24.0;
        int[] expected = new int[256];
        for (int i = 0; i < expected.length; i++) {
            double s = sigmoid(i * h);
            double curvature = s * (1 - s) * (1 - 2 * s);
            expected[i] = (int) Math.min(65535, Math.round(65536 * (s - curvature * h * h / 16)));
        }
        expected[255] = 65535;
        assertThat(table).containsExactly(expected);
    }
}
