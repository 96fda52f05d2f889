package io.tinymlaas.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.data.MnistDigits;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.LstmTrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnistLstmTest {

    @Test
    void isRegisteredWithAnLstmOverTheRowsOfEachDigit() {
        Example example = Examples.byName("mnist_lstm");
        assertThat(example).isInstanceOf(MnistLstm.class);
        assertThat(((MnistLstm) example).profile()).as("the profile the build asks for").isEqualTo(ProfiledExample.chosen(MnistLstm.FAST, MnistLstm.FULL));
        assertThat(example.recipe()).isInstanceOf(ModelRecipe.LstmClassifier.class);
        LstmTrainingConfig config = ((ModelRecipe.LstmClassifier) example.recipe()).config();
        assertThat(config.timeSteps()).isEqualTo(28);
        assertThat(config.features()).isEqualTo(28);
        assertThat(config.hiddenUnits()).isBetween(20, 32);
    }

    @Test
    void theFastProfileTestsAThousandDigitsAndTheFullOneAimsAt97Percent() {
        assertThat(MnistLstm.FAST.test()).isGreaterThanOrEqualTo(1000);
        assertThat(MnistLstm.FAST.accuracyGoal()).isGreaterThan(0.1 + 0.5);
        assertThat(MnistLstm.FULL.accuracyGoal()).isEqualTo(0.97);
        assertThat(MnistLstm.FULL.train() + MnistLstm.FULL.validation() + MnistLstm.FULL.test()).isLessThanOrEqualTo(10_000);
        assertThat(MnistLstm.FULL.train()).isGreaterThan(MnistLstm.FAST.train());
    }

    @Test
    void accuracyIsTheShareOfArgmaxHitsAndEachDigitReportsItsRecall() {
        float[][] targets = new float[20][];
        List<float[]> outputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int digit = i % 10;
            targets[i] = MnistDigits.oneHot(digit);
            // Every sample right except the second 7, taken for a 1.
            outputs.add(MnistDigits.oneHot(i == 17 ? 1 : digit));
        }
        List<Quality> quality = new MnistLstm(MnistLstm.FAST).judge(new Split(new float[20][1], targets), outputs);
        assertThat(quality).hasSize(11);
        assertThat(quality.get(0).value()).isEqualTo(19 / 20.0);
        assertThat(quality.get(0).passed()).isTrue();
        assertThat(quality.get(8).metric()).isEqualTo("recall of digit 7");
        assertThat(quality.get(8).value()).isEqualTo(0.5);
        assertThat(new MnistLstm(MnistLstm.FULL).judge(new Split(new float[20][1], targets), outputs).get(0).passed()).isFalse();
    }
}
