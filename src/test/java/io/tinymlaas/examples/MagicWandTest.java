package io.tinymlaas.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.data.Gesture;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.ConvTrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagicWandTest {

    @Test
    void isRegisteredAndBringsItsOwnCnnRecipe() {
        Example example = Examples.byName("magic_wand");
        assertThat(example).isInstanceOf(MagicWand.class);
        assertThat(((MagicWand) example).profile()).as("the profile the build asks for").isEqualTo(ProfiledExample.chosen(MagicWand.FAST, MagicWand.FULL));
        assertThat(example.recipe()).isInstanceOf(ModelRecipe.ConvClassifier.class);
        ConvTrainingConfig config = ((ModelRecipe.ConvClassifier) example.recipe()).config();
        assertThat(config.blocks()).extracting(ConvTrainingConfig.Block::filters).containsExactly(8, 16);
        assertThat(Examples.byName("hello_world").recipe()).isInstanceOf(ModelRecipe.DenseRegression.class);
    }

    @Test
    void theFastProfileKeepsAtLeast200TestWindowsAndTheFullOneAimsAt90Percent() {
        assertThat(MagicWand.FAST.testPerClass() * Gesture.values().length).isGreaterThanOrEqualTo(200);
        assertThat(MagicWand.FAST.accuracyGoal()).isGreaterThan(1.0 / Gesture.values().length);
        assertThat(MagicWand.FULL.accuracyGoal()).isEqualTo(0.9);
        assertThat(MagicWand.FULL.trainPerClass()).isGreaterThan(MagicWand.FAST.trainPerClass());
    }

    @Test
    void accuracyIsTheShareOfArgmaxHitsAndEachClassReportsItsRecall() {
        Split test = new Split(new float[8][1], new float[][] {
                Gesture.WING.oneHot(), Gesture.RING.oneHot(), Gesture.SLOPE.oneHot(), Gesture.NEGATIVE.oneHot(),
                Gesture.WING.oneHot(), Gesture.RING.oneHot(), Gesture.SLOPE.oneHot(), Gesture.NEGATIVE.oneHot()});
        List<float[]> outputs = List.of(
                new float[] {0.7f, 0.1f, 0.1f, 0.1f}, new float[] {0.1f, 0.7f, 0.1f, 0.1f},
                new float[] {0.1f, 0.1f, 0.7f, 0.1f}, new float[] {0.1f, 0.1f, 0.1f, 0.7f},
                new float[] {0.7f, 0.1f, 0.1f, 0.1f}, new float[] {0.1f, 0.7f, 0.1f, 0.1f},
                new float[] {0.1f, 0.1f, 0.7f, 0.1f}, new float[] {0.6f, 0.1f, 0.1f, 0.2f});
        List<Quality> quality = new MagicWand(MagicWand.FAST).judge(test, outputs);
        assertThat(quality.get(0).value()).isEqualTo(7 / 8.0);
        assertThat(quality.get(0).passed()).isTrue();
        assertThat(quality).extracting(Quality::metric).contains("recall of negative");
        assertThat(quality.get(4).value()).isEqualTo(0.5);
        assertThat(new MagicWand(MagicWand.FULL).judge(test, outputs).get(0).passed()).isFalse();
    }
}
