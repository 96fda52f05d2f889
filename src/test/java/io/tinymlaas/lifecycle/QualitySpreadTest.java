package io.tinymlaas.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualitySpreadTest {

    /** hello_world, briefly: 40 epochs. */
    private static final TrainingConfig BRIEF = new TrainingConfig(new int[] {16, 16}, 32,
            List.of(new TrainingConfig.Phase(30, 0.01f), new TrainingConfig.Phase(10, 0.001f)), 7);

    @Test
    void eachSeedIsTrainedAndJudgedAndTheFirstSeedTrainedAgainGivesTheSameModelBytes(@TempDir Path work) {
        List<QualitySpread.Run> heard = new ArrayList<>();
        QualitySpread.Result result = QualitySpread.measure(new BriefSine(BRIEF), work.resolve("runs"), work.resolve("datasets"),
                5, 3, heard::add);
        assertThat(result.runs()).extracting(QualitySpread.Run::seed).containsExactly(5L, 6L, 7L);
        assertThat(heard).isEqualTo(result.runs());
        assertThat(result.runs()).extracting(QualitySpread.Run::modelSha256).doesNotHaveDuplicates();
        assertThat(result.reproducible()).isTrue();
        assertThat(result.reproduced()).isEqualTo(result.runs().get(0).modelSha256());
        assertThat(result.spreads()).extracting(QualitySpread.Spread::metric)
                .containsExactly("mean |y - sin(x)| on the test split", "max |y - sin(x)| on the test split");
        QualitySpread.Spread mean = result.spreads().get(0);
        double[] values = result.runs().stream().mapToDouble(r -> r.quality().get(0).value()).toArray();
        assertThat(mean.runs()).isEqualTo(3);
        assertThat(mean.min()).isEqualTo(Math.min(values[0], Math.min(values[1], values[2])));
        assertThat(mean.mean()).isCloseTo((values[0] + values[1] + values[2]) / 3, within(1e-12));
    }

    @Test
    void aSpreadGivesFailuresMarginNormalTailAndTheGoalThatWouldFailOneRunInAThousand() {
        List<QualitySpread.Run> runs = new ArrayList<>();
        double[] accuracies = {0.90, 0.92, 0.94, 0.96, 0.78};
        for (int i = 0; i < accuracies.length; i++) {
            runs.add(new QualitySpread.Run(i, "sha" + i, List.of(Quality.atLeast("accuracy", accuracies[i], 0.8),
                    Quality.report("recall of wing", 0.5)), 1.0));
        }
        List<QualitySpread.Spread> spreads = QualitySpread.spreads(runs);
        assertThat(spreads).hasSize(1);
        QualitySpread.Spread accuracy = spreads.get(0);
        assertThat(accuracy.mean()).isCloseTo(0.90, within(1e-12));
        assertThat(accuracy.standardDeviation()).isCloseTo(Math.sqrt((0.0 + 0.0004 + 0.0016 + 0.0036 + 0.0144) / 4), within(1e-12));
        assertThat(accuracy.failures()).isEqualTo(1);
        assertThat(accuracy.marginSigmas()).isCloseTo(0.10 / accuracy.standardDeviation(), within(1e-9));
        // P(X < 0.8) for N(0.9, 0.0707²): z = -1.414, Φ(z) = 0.0786
        assertThat(accuracy.estimatedFailureRate()).isCloseTo(0.0786, within(5e-4));
        assertThat(accuracy.boundForOneInAThousand()).isCloseTo(0.90 - 3.09 * accuracy.standardDeviation(), within(1e-12));
    }

    @Test
    void identicalRunsInsideTheGoalHaveAnInfiniteMarginAndNoEstimatedFailures() {
        List<QualitySpread.Run> runs = List.of(
                new QualitySpread.Run(1, "a", List.of(Quality.atMost("error", 0.02, 0.05)), 1.0),
                new QualitySpread.Run(2, "a", List.of(Quality.atMost("error", 0.02, 0.05)), 1.0));
        QualitySpread.Spread error = QualitySpread.spreads(runs).get(0);
        assertThat(error.marginSigmas()).isInfinite().isPositive();
        assertThat(error.estimatedFailureRate()).isZero();
    }

    @Test
    void fewerThanTwoRunsAreRefused(@TempDir Path work) {
        assertThatThrownBy(() -> QualitySpread.measure(new BriefSine(BRIEF), work, work.resolve("datasets"), 1, 1, run -> { }))
                .isInstanceOf(TinymlException.class).hasMessageContaining("at least 2 runs");
    }

    @Test
    void theTailFitExtendsTheWorstTenthOfTheRunsBeyondTheNextWorstToTheGoal() {
        double[] accuracies = new double[20];
        java.util.Arrays.fill(accuracies, 0.95);
        accuracies[0] = 0.86;
        accuracies[1] = 0.88;
        accuracies[2] = 0.90;
        // k = 2 worst runs lie 0.04 and 0.02 beyond u = 0.90: β = 0.03; the goal 0.80 is 0.10 beyond u
        assertThat(QualitySpread.tailFailureRate(Quality.atLeast("accuracy", 0.9, 0.80), accuracies))
                .isCloseTo(0.1 * Math.exp(-0.10 / 0.03), within(1e-12));
        assertThat(QualitySpread.tailFailureRate(Quality.atLeast("accuracy", 0.9, 0.91), accuracies))
                .as("a goal no further out than the next-worst run: the worst tenth misses it").isEqualTo(0.1);
        double[] errors = java.util.Arrays.stream(accuracies).map(a -> 1 - a).sorted().toArray();
        assertThat(QualitySpread.tailFailureRate(Quality.atMost("error", 0.1, 0.20), errors))
                .isCloseTo(0.1 * Math.exp(-0.10 / 0.03), within(1e-9));
    }
}
