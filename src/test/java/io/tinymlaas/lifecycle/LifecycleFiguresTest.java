package io.tinymlaas.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.core.Progress;
import io.tinymlaas.data.Split;
import io.tinymlaas.examples.MagicWand;
import io.tinymlaas.report.ConfusionMatrix;
import io.tinymlaas.report.Predictions;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.TrainingConfig.Phase;
import io.tinymlaas.train.TrainingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a dry-run's pictures are drawn from comes from the lifecycle's own data and outputs. */
class LifecycleFiguresTest {

    /** hello_world, briefly: 12 epochs. */
    private static final TrainingConfig BRIEF = new TrainingConfig(new int[] {8}, 32, List.of(new Phase(12, 0.01f)), 7);

    /** Counts the steps of every task it is given. */
    private static final class Counting implements Progress {
        final AtomicLong total = new AtomicLong();
        final AtomicLong steps = new AtomicLong();

        @Override
        public Task start(String what, long count) {
            total.addAndGet(count);
            return new Task() {
                @Override
                public void step() {
                    steps.incrementAndGet();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void aOneNumberModelsPredictionsAreItsTestInputsTheTruthThereAndTheReferenceInterpretersOutputs(@TempDir Path work) {
        Lifecycle lifecycle = new Lifecycle(new BriefSine(BRIEF), work.resolve("run"), work.resolve("datasets"));
        Split test = lifecycle.collect().dataset().test();
        Counting epochs = new Counting();
        List<Double> losses = lifecycle.train(7, epochs).lossPerEpoch();
        lifecycle.convert();
        List<Quality> quality = lifecycle.checkWithReference();

        assertThat(epochs.total.get()).isEqualTo(12);
        assertThat(epochs.steps.get()).isEqualTo(losses.size()).isEqualTo(12);
        Predictions predictions = lifecycle.predictions().orElseThrow();
        assertThat(predictions.truth()).isEqualTo("sin(x)");
        assertThat(predictions.x()).containsExactlyElementsOf(Arrays.stream(test.inputs()).map(x -> (double) x[0]).toList());
        assertThat(predictions.expected()).containsExactlyElementsOf(predictions.x().stream().map(Math::sin).toList());
        assertThat(predictions.reference()).hasSize(test.size());
        assertThat(predictions.target()).as("no target has run yet").isNull();
        // the mean error the reference stage judged is the one the plotted outputs have
        double meanError = IntStream.range(0, test.size())
                .mapToDouble(i -> Math.abs(predictions.reference().get(i) - predictions.expected().get(i))).average().orElseThrow();
        assertThat(quality.get(0).value()).isCloseTo(meanError, within(1e-6));
        assertThat(lifecycle.confusion()).as("a regression has no classes").isEmpty();
    }

    @Test
    void aClassifiersConfusionMatrixCountsEveryHeldOutSampleOnceWithTheRecallItWasJudgedBy(@TempDir Path work) {
        MagicWand tiny = new MagicWand(new MagicWand.Profile("tiny", 12, 4, 10, List.of(new Phase(2, 0.005f)), 0.0));
        Lifecycle lifecycle = new Lifecycle(tiny, work.resolve("run"), work.resolve("datasets"));
        Split test = lifecycle.collect().dataset().test();
        lifecycle.train(7, Progress.SILENT);
        lifecycle.convert();
        List<Quality> quality = lifecycle.checkWithReference();

        ConfusionMatrix confusion = lifecycle.confusion().orElseThrow();
        assertThat(confusion.total()).isEqualTo(test.size());
        assertThat(confusion.labels()).isEqualTo(lifecycle.dataset().dataset().labels().classes());
        assertThat(confusion.accuracy()).isEqualTo(quality.get(0).value());
        for (int c = 0; c < confusion.labels().size(); c++) {
            assertThat(quality.get(1 + c).value()).isEqualTo(confusion.recall(c));
        }
        assertThat(lifecycle.predictions()).as("a classifier is not one number to one number").isEmpty();
    }
}
