package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A face position as weights over the 3 × 3 cell centres, and back. */
class CellGridTest {

    @Test
    void aPositionOnACellCentreIsAllThatCellsWeight() {
        assertThat(CellGrid.weights(0.5, 0.5)).containsExactly(0, 0, 0, 0, 1, 0, 0, 0, 0);
        assertThat(CellGrid.weights(1 / 6.0, 5 / 6.0)).containsExactly(new float[] {0, 0, 0, 0, 0, 0, 1, 0, 0}, within(1e-6f));
    }

    @Test
    void aPositionBetweenCentresIsSharedBilinearlyAndComesBackExactly() {
        float[] w = CellGrid.weights(0.6, 0.25);
        double sum = 0;
        for (float v : w) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        assertThat(w[1]).isCloseTo(0.7f * 0.75f, within(1e-6f));
        assertThat(CellGrid.position(w)).containsExactly(new double[] {0.6, 0.25}, within(1e-6));
    }

    @Test
    void aPositionBeyondTheOuterCentresGoesToTheOuterCells() {
        assertThat(CellGrid.weights(0.02, 0.98)).containsExactly(0, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(CellGrid.position(CellGrid.weights(0.02, 0.98))).containsExactly(new double[] {1 / 6.0, 5 / 6.0}, within(1e-9));
    }

    @Test
    void noWeightAtAllIsTheFramesCentre() {
        assertThat(CellGrid.position(new float[9])).containsExactly(0.5, 0.5);
    }
}
