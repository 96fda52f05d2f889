package io.tinymlaas.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossLayerEqualizationTest {

    /** Unit 0 reaches 40 on [0, 4], unit 1 only 0.4: one int8 step for both would erase unit 1. */
    private static final DenseNetwork UNBALANCED = new DenseNetwork(List.of(
            new DenseLayer(new float[][] {{10f}, {0.1f}}, new float[] {0f, 0f}, true),
            new DenseLayer(new float[][] {{0.01f, 2f}}, new float[] {0.5f}, false)));
    private static final float[][] INPUTS = {{0f}, {1f}, {2f}, {3f}, {4f}};

    @Test
    void theFloatFunctionIsUnchanged() {
        DenseNetwork balanced = CrossLayerEqualization.apply(UNBALANCED, INPUTS);
        for (float x = -1f; x <= 5f; x += 0.25f) {
            assertThat(balanced.predict(new float[] {x})[0]).isCloseTo(UNBALANCED.predict(new float[] {x})[0], within(1e-5f));
        }
    }

    @Test
    void eachHiddenUnitsRangeEqualsItsOutgoingWeightRange() {
        DenseNetwork balanced = CrossLayerEqualization.apply(UNBALANCED, INPUTS);
        DenseNetwork hidden = new DenseNetwork(balanced.layers().subList(0, 1));
        float[] atMax = hidden.predict(new float[] {4f});
        float[] outgoing = balanced.layers().get(1).weights()[0];
        for (int j = 0; j < 2; j++) {
            assertThat(atMax[j]).isCloseTo(Math.abs(outgoing[j]), within(1e-4f));
        }
        assertThat(atMax[0] / atMax[1]).as("the ranges are now within 10x of each other, not 100x").isLessThan(10f);
    }
}
