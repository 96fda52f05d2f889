package io.tinymlaas.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.data.Split;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.Keyword;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.ConvTrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroSpeechTest {

    @Test
    void isRegisteredAndFeedsTheFrontEndsInt8FeaturesToATinyConvAsTheyAre() {
        Example example = Examples.byName("micro_speech");
        assertThat(example).isInstanceOf(MicroSpeech.class);
        assertThat(((MicroSpeech) example).profile()).as("the profile the build asks for").isEqualTo(ProfiledExample.chosen(MicroSpeech.FAST, MicroSpeech.FULL));
        ModelRecipe.ConvClassifier recipe = (ModelRecipe.ConvClassifier) example.recipe();
        assertThat(recipe.fixedInput()).isEqualTo(new ModelRecipe.ConvClassifier.FixedInput(FrontEnd.INPUT_SCALE, FrontEnd.INPUT_ZERO_POINT));
        ConvTrainingConfig config = recipe.config();
        assertThat(config.height() * config.width() * config.channels()).isEqualTo(FrontEnd.FEATURES);
        assertThat(config.blocks()).extracting(ConvTrainingConfig.Block::filters).containsExactly(8);
    }

    @Test
    void theFastProfileKeepsAtLeast200TestClipsAndTheFullOneAimsAt85Percent() {
        assertThat(MicroSpeech.FAST.testPerClass() * Keyword.values().length).isGreaterThanOrEqualTo(200);
        assertThat(MicroSpeech.FAST.accuracyGoal()).isGreaterThan(2.0 / Keyword.values().length);
        assertThat(MicroSpeech.FULL.accuracyGoal()).isEqualTo(0.85);
        assertThat(MicroSpeech.FULL.trainPerClass()).isGreaterThan(MicroSpeech.FAST.trainPerClass());
    }

    @Test
    void accuracyIsTheShareOfArgmaxHitsAndEachKeywordReportsItsRecall() {
        Split test = new Split(new float[4][1], new float[][] {
                Keyword.SILENCE.oneHot(), Keyword.UNKNOWN.oneHot(), Keyword.YES.oneHot(), Keyword.NO.oneHot()});
        List<float[]> outputs = List.of(new float[] {0.7f, 0.1f, 0.1f, 0.1f}, new float[] {0.1f, 0.7f, 0.1f, 0.1f},
                new float[] {0.1f, 0.1f, 0.7f, 0.1f}, new float[] {0.1f, 0.1f, 0.7f, 0.1f});
        List<Quality> quality = new MicroSpeech(MicroSpeech.FAST).judge(test, outputs);
        assertThat(quality.get(0).value()).isEqualTo(0.75);
        assertThat(quality).extracting(Quality::metric).contains("recall of yes", "recall of no");
        assertThat(quality.get(4).value()).isZero();
        assertThat(new MicroSpeech(MicroSpeech.FULL).judge(test, outputs).get(0).passed()).isFalse();
    }
}
