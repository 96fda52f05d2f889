package io.tinymlaas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.data.Split;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LstmTrainerTest {

    private static final LstmTrainingConfig CONFIG = new LstmTrainingConfig(8, 2, 6, 16,
            List.of(new TrainingConfig.Phase(30, 0.02f)), 3);

    @Test
    void theSameSeedTrainsTheSameNetworkBitForBit() {
        LstmTrainingConfig brief = new LstmTrainingConfig(8, 2, 6, 16,
                List.of(new TrainingConfig.Phase(4, 0.02f), new TrainingConfig.Phase(2, 0.002f)), 3);
        LstmTrainingResult first = LstmTrainer.train(firstStepSign(128, 1), firstStepSign(32, 2), brief);
        LstmTrainingResult again = LstmTrainer.train(firstStepSign(128, 1), firstStepSign(32, 2), brief);
        assertThat(again.lossPerEpoch()).isEqualTo(first.lossPerEpoch());
        assertThat(again.network()).usingRecursiveComparison().isEqualTo(first.network());
    }

    /** 8 steps of 2 noisy features; the class is the sign of the first step's first feature, so it must be remembered. */
    private static Split firstStepSign(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][16];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            for (int k = 0; k < 16; k++) {
                x[i][k] = (float) (0.3 * random.nextGaussian());
            }
            x[i][0] = label == 0 ? -1f : 1f;
            y[i][label] = 1;
        }
        return new Split(x, y);
    }

    @Test
    void anUnrolledLstmLearnsToRememberTheFirstStepAndItsJavaForwardPassAgreesWithTensorFlow() {
        LstmTrainingResult result = LstmTrainer.train(firstStepSign(128, 1), firstStepSign(64, 2), CONFIG);
        assertThat(result.lossPerEpoch()).hasSize(30);
        assertThat(result.lossPerEpoch().get(29)).isLessThan(result.lossPerEpoch().get(0) / 2);
        assertThat(result.validationAccuracy()).isGreaterThanOrEqualTo(0.95);

        LstmNetwork network = result.network();
        assertThat(network.cells()).isEqualTo(6);
        assertThat(network.inputWeights()[0]).hasDimensions(6, 2);
        assertThat(network.recurrentWeights()[3]).hasDimensions(6, 6);
        assertThat(network.dense().inputs()).isEqualTo(8 * 6);
        // The Java forward pass (used for calibration) reproduces TensorFlow's accuracy: same gate order and layout.
        Split validation = firstStepSign(64, 2);
        int correct = 0;
        for (int i = 0; i < validation.size(); i++) {
            float[] p = network.predict(validation.inputs()[i]);
            assertThat(p[0] + p[1]).isCloseTo(1f, within(1e-5f));
            correct += (p[1] > p[0]) == (validation.targets()[i][1] == 1f) ? 1 : 0;
        }
        assertThat(correct / 64.0).isCloseTo(result.validationAccuracy(), within(2.5 / 64));
    }
}
