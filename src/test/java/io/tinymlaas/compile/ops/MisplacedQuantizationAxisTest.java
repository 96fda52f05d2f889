package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.oracle.ReferenceLimits;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TFLM's person_detect.tflite: its per-channel biases (one dimension) kept their depthwise weights' quantized_dimension
 * 3. The 2.6 interpreter rejects such a model, TFLM runs it, and the axis changes no arithmetic; so our build of it
 * must compute what the interpreter computes for the same model with the axis in range.
 */
class MisplacedQuantizationAxisTest {

    @TempDir
    Path dir;

    /** A depthwise convolution whose bias (tensor 2) has quantized_dimension {@code axis}. */
    private static TfliteModel depthwiseWithBiasAxis(long seed, int axis) {
        return OperatorHarness.withQuantizationAxis(
                DepthwiseConvOperatorTest.randomDepthwise(new Random(seed), Padding.SAME, Activation.RELU6, 1, 8, 3, 3), 2, axis);
    }

    @Test
    void theInterpreterRejectsTheAxisInOneLineAndTheLimitsNameTheTensorBeforeItIsAsked() {
        TfliteModel model = depthwiseWithBiasAxis(1, 3);
        assertThatThrownBy(() -> ReferenceInterpreter.load(TfliteWriter.write(model), "person_like.tflite"))
                .isInstanceOf(TinymlException.class)
                .hasMessageStartingWith("person_like.tflite: the reference interpreter rejects the model: quantized_dimension "
                        + "must be in range [0, 1). Was 3.")
                .hasMessageNotContaining("\n");
        assertThat(ReferenceLimits.rejection(model)).contains("reference interpreter 2.6 rejects tensor 2 'bias': "
                + "quantized_dimension 3 (of its 8 scales) outside its 1 dimension(s), which TFLM does not check");
        assertThat(ReferenceLimits.rejection(depthwiseWithBiasAxis(1, 0))).isEmpty();
    }

    @Test
    void ourBuildComputesWhatTheInterpreterComputesWithTheAxisInRange() {
        for (long seed = 1; seed <= 4; seed++) {
            TfliteModel misplaced = depthwiseWithBiasAxis(seed, 3);
            TfliteModel inRange = depthwiseWithBiasAxis(seed, 0);
            byte[][] inputs = new byte[20][(int) misplaced.input().byteSize()];
            Random random = new Random(seed);
            for (byte[] input : inputs) {
                random.nextBytes(input);
            }
            byte[] ours = OperatorHarness.runCompiled(misplaced, inputs, dir, "misplaced" + seed);
            assertThat(ours).isEqualTo(OperatorHarness.runCompiled(inRange, inputs, dir, "in_range" + seed));
            OperatorHarness.assertBitExact(inRange, inputs, dir, "in_range_reference" + seed);
        }
    }
}
