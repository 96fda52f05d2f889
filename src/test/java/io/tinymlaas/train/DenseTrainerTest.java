package io.tinymlaas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.data.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseTrainerTest {

    private static Split line(int n, float slope) {
        float[][] x = new float[n][1];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i / (float) n;
            y[i][0] = slope * x[i][0] + 0.5f;
        }
        return new Split(x, y);
    }

    @Test
    void aSmallNetworkLearnsALineAndKeepsOneLossPerEpoch() {
        TrainingConfig config = new TrainingConfig(new int[] {4}, 16, List.of(new TrainingConfig.Phase(60, 0.02f)), 3);
        TrainingResult result = DenseTrainer.train(line(128, 2f), line(32, 2f), config);
        assertThat(result.lossPerEpoch()).hasSize(60);
        assertThat(result.validationMse()).isLessThan(0.01);
        assertThat(result.network().predict(new float[] {0.25f})[0]).isCloseTo(1.0f, within(0.15f));
        assertThat(result.network().layers()).extracting(DenseLayer::outputs).containsExactly(4, 1);
    }

    /** Two hidden layers and two phases: back-propagation reads weights that the same step updates. */
    @Test
    void theSameSeedTrainsTheSameWeightsBitForBitAndAnotherSeedOtherWeights() {
        TrainingConfig config = new TrainingConfig(new int[] {8, 8}, 16,
                List.of(new TrainingConfig.Phase(15, 0.02f), new TrainingConfig.Phase(5, 0.002f)), 3);
        TrainingResult first = DenseTrainer.train(line(256, 2f), line(32, 2f), config);
        TrainingResult again = DenseTrainer.train(line(256, 2f), line(32, 2f), config);
        TrainingResult otherSeed = DenseTrainer.train(line(256, 2f), line(32, 2f), config.withSeed(4));
        assertThat(again.lossPerEpoch()).isEqualTo(first.lossPerEpoch());
        assertThat(again.network()).usingRecursiveComparison().isEqualTo(first.network());
        assertThat(otherSeed.network()).usingRecursiveComparison().isNotEqualTo(first.network());
    }

    @Test
    void aNanInTheDataStopsTrainingWithAMessageNamingTheEpoch() {
        Split poisoned = line(64, 1f);
        poisoned.targets()[5][0] = Float.NaN;
        TrainingConfig config = new TrainingConfig(new int[] {4}, 16, List.of(new TrainingConfig.Phase(3, 0.01f)), 3);
        assertThatThrownBy(() -> DenseTrainer.train(poisoned, line(8, 1f), config))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("loss became NaN in epoch 1")
                .hasMessageContaining("check the data for NaN");
    }
}
