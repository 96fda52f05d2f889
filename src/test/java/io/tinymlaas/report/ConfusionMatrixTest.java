package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void eachSampleIsCountedOnceByItsTrueAndPredictedClass() {
        ConfusionMatrix matrix = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 2, 0});
        assertThat(matrix.counts()).containsExactly(List.of(1, 1, 0), List.of(0, 1, 0), List.of(1, 0, 2));
        assertThat(matrix.total()).isEqualTo(6);
        assertThat(matrix.accuracy()).isEqualTo(4 / 6.0);
        assertThat(matrix.recall(0)).isEqualTo(0.5);
        assertThat(matrix.recall(2)).isEqualTo(2 / 3.0);
    }

    @Test
    void aClassAbsentFromTheSamplesHasNoRecall() {
        assertThat(ConfusionMatrix.of(List.of("a", "b"), new int[] {0}, new int[] {1}).recall(1)).isNaN();
    }

    @Test
    void countsThatDoNotMatchTheClassesAreRefused() {
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a", "b"), List.of(List.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over 2 classes");
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0}))
                .hasMessage("2 true classes but 1 predictions");
    }
}
