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
    void theSameSeedTrainsTheSameNetworkBitForBit() {
        ConvTrainingConfig brief = new ConvTrainingConfig(16, 2, 1, CONFIG.blocks(), CONFIG.hiddenUnits(), 16,
                List.of(new TrainingConfig.Phase(4, 0.01f), new TrainingConfig.Phase(2, 0.001f)), 3);
        ConvTrainingResult first = ConvTrainer.train(bumps(128, 1), bumps(32, 2), brief);
        ConvTrainingResult again = ConvTrainer.train(bumps(128, 1), bumps(32, 2), brief);
        assertThat(again.lossPerEpoch()).isEqualTo(first.lossPerEpoch());
        assertThat(again.network()).usingRecursiveComparison().isEqualTo(first.network());
    }

    /** Class 0: horizontal stripes, class 1: vertical ones, 12 × 12, random period, phase and noise. */
    private static Split stripes(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][144];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            int period = 2 + random.nextInt(3);
            int phase = random.nextInt(period);
            for (int r = 0; r < 12; r++) {
                for (int c = 0; c < 12; c++) {
                    int along = label == 0 ? r : c;
                    x[i][r * 12 + c] = (float) (((along + phase) % period == 0 ? 1 : 0) + 0.1 * random.nextGaussian());
                }
            }
            y[i][label] = 1;
        }
        return new Split(x, y);
    }

    private static Split noise(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][144];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 144; k++) {
                x[i][k] = random.nextFloat();
            }
            y[i][i % 2] = 1;
        }
        return new Split(x, y);
    }

    @Test
    void aMobileNetStyleCnnLearnsStripeOrientationAndItsJavaForwardPassReproducesTensorFlowsLoss() {
        // 12×12 → conv 4 stride 2 → 6×6 → separable 8 stride 2 → 3×3 → separable 8 stride 2 → 2×2 → global average → 2.
        // Even and odd sizes at stride 2 make TensorFlow pad SAME unevenly (0/1 and 1/1): the Java pass must agree.
        ConvTrainingConfig config = new ConvTrainingConfig(12, 12, 1, List.of(new ConvTrainingConfig.Block(4, 3, 3, 2, 1, 1)),
                List.of(new ConvTrainingConfig.Separable(8, 3, 2), new ConvTrainingConfig.Separable(8, 3, 2)), true, new int[0], 16,
                List.of(new TrainingConfig.Phase(30, 0.01f)), 5);
        // Validated on noise, where the network is unsure: its loss then shows any difference in the forward pass.
        Split noise = noise(64, 3);
        ConvTrainingResult result = ConvTrainer.train(stripes(256, 1), noise, config);
        Split heldOut = stripes(64, 2);
        int correct = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            float[] p = result.network().predict(heldOut.inputs()[i]);
            correct += (p[1] > p[0] ? 1 : 0) == i % 2 ? 1 : 0;
        }
        assertThat(correct / 64.0).isGreaterThanOrEqualTo(0.9);

        ConvNetwork network = result.network();
        assertThat(network.convs().get(0).stride()).isEqualTo(2);
        assertThat(network.convs().get(0).pooled()).isFalse();
        SeparableLayer first = network.separable().get(0);
        assertThat(new int[] {first.depthwise().kernelH(), first.depthwise().kernelW(), first.depthwise().channels()})
                .containsExactly(3, 3, 4);
        assertThat(first.depthwise().stride()).isEqualTo(2);
        assertThat(new int[] {first.pointwise().outChannels(), first.pointwise().kernelH(), first.pointwise().inChannels()})
                .containsExactly(8, 1, 4);
        assertThat(network.featureShape()).containsExactly(2, 2, 8);
        assertThat(network.flattenedShape()).containsExactly(1, 1, 8);
        assertThat(network.dense()).extracting(DenseLayer::inputs).containsExactly(8);

        double crossEntropy = 0;
        for (int i = 0; i < noise.size(); i++) {
            crossEntropy -= Math.log(network.predict(noise.inputs()[i])[i % 2]);
        }
        assertThat(result.validationLoss()).isGreaterThan(0.05);
        assertThat(crossEntropy / noise.size()).isCloseTo(result.validationLoss(), within(1e-5 * result.validationLoss()));
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
