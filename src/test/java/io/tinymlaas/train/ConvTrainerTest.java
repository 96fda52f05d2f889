package io.tinymlaas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.data.Split;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTrainerTest {

    private static final ConvTrainingConfig CONFIG = new ConvTrainingConfig(16, 2, 1,
            List.of(new ConvTrainingConfig.Block(4, 3, 2, 2, 2)), new int[] {8}, 16,
            List.of(new TrainingConfig.Phase(25, 0.01f)), 3);

    /** Class 0: a bump early in the window; class 1: a bump late. */
    private static Split bumps(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][32];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            int at = label == 0 ? 2 + random.nextInt(4) : 10 + random.nextInt(4);
            for (int k = 0; k < 32; k++) {
                x[i][k] = (float) (0.1 * random.nextGaussian());
            }
            x[i][at * 2] += 1;
            x[i][at * 2 + 1] -= 1;
            y[i][label] = 1;
        }
        return new Split(x, y);
    }

    @Test
    void aTinyCnnLearnsWhereTheBumpIsAndItsJavaForwardPassAgreesWithTensorFlow() {
        ConvTrainingResult result = ConvTrainer.train(bumps(128, 1), bumps(64, 2), CONFIG);
        assertThat(result.lossPerEpoch()).hasSize(25);
        assertThat(result.lossPerEpoch().get(24)).isLessThan(result.lossPerEpoch().get(0) / 2);
        assertThat(result.validationAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.validationMetrics()).containsKeys("validation_loss", "validation_accuracy");

        ConvNetwork network = result.network();
        ConvLayer conv = network.convs().get(0);
        assertThat(new int[] {conv.outChannels(), conv.kernelH(), conv.kernelW(), conv.inChannels()}).containsExactly(4, 3, 2, 1);
        assertThat(network.flattenedShape()).containsExactly(8, 1, 4);
        assertThat(network.dense()).extracting(DenseLayer::outputs).containsExactly(8, 2);
        // The Java forward pass (used for calibration) reproduces TensorFlow's accuracy and its probabilities sum to 1.
        Split validation = bumps(64, 2);
        int correct = 0;
        for (int i = 0; i < validation.size(); i++) {
            float[] p = network.predict(validation.inputs()[i]);
            assertThat(p[0] + p[1]).isCloseTo(1f, within(1e-5f));
            correct += (p[1] > p[0] ? 1 : 0) == (validation.targets()[i][1] == 1f ? 1 : 0) ? 1 : 0;
        }
        // (TensorFlow's float arithmetic differs in the last bits, which may flip a sample on the boundary.)
        assertThat(correct / 64.0).isCloseTo(result.validationAccuracy(), within(2.5 / 64));
    }

    @Test
    void aNanInTheDataStopsTrainingWithAMessageNamingTheEpoch() {
        Split poisoned = bumps(32, 1);
        poisoned.inputs()[3][7] = Float.NaN;
        assertThatThrownBy(() -> ConvTrainer.train(poisoned, bumps(8, 2), CONFIG))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("loss became NaN in epoch 1");
    }

    @Test
    void samplesOfTheWrongSizeAreRefused() {
        Split wrong = new Split(new float[][] {{1, 2, 3}}, new float[][] {{1, 0}});
        assertThatThrownBy(() -> ConvTrainer.train(wrong, wrong, CONFIG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16x2x1 = 32");
    }
}
