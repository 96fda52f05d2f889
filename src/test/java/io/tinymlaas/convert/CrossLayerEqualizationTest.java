package io.tinymlaas.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossLayerEqualizationTest {

    /** Unit 0's weights are 100 times unit 1's: one int8 step for the whole layer would erase unit 1. */
    private static final DenseNetwork UNBALANCED = new DenseNetwork(List.of(
            new DenseLayer(new float[][] {{10f}, {0.1f}}, new float[] {0f, 0.05f}, true),
            new DenseLayer(new float[][] {{0.01f, 2f}}, new float[] {0.5f}, false)));

    /** Three layers, so that the middle one is balanced against both neighbours. */
    private static final DenseNetwork DEEP = new DenseNetwork(List.of(
            new DenseLayer(new float[][] {{3f}, {-0.2f}, {0.7f}}, new float[] {-1f, 0.4f, 0f}, true),
            new DenseLayer(new float[][] {{0.1f, 5f, -0.3f}, {-2f, 0.05f, 0.6f}}, new float[] {0.2f, -0.1f}, true),
            new DenseLayer(new float[][] {{0.4f, -8f}}, new float[] {0.3f}, false)));

    @Test
    void theFloatFunctionIsUnchanged() {
        for (DenseNetwork network : List.of(UNBALANCED, DEEP)) {
            DenseNetwork balanced = CrossLayerEqualization.apply(network);
            for (float x = -3f; x <= 5f; x += 0.25f) {
                assertThat(balanced.predict(new float[] {x})[0]).isCloseTo(network.predict(new float[] {x})[0], within(1e-4f));
            }
        }
    }

    @Test
    void eachHiddenUnitsIncomingAndOutgoingWeightRangesEndEqual() {
        for (DenseNetwork network : List.of(UNBALANCED, DEEP)) {
            List<DenseLayer> layers = CrossLayerEqualization.apply(network).layers();
            for (int l = 0; l + 1 < layers.size(); l++) {
                for (int j = 0; j < layers.get(l).outputs(); j++) {
                    float incoming = maxAbs(layers.get(l).weights()[j]);
                    float outgoing = 0;
                    for (float[] row : layers.get(l + 1).weights()) {
                        outgoing = Math.max(outgoing, Math.abs(row[j]));
                    }
                    assertThat(incoming).as("layer %d unit %d", l, j).isCloseTo(outgoing, within(1e-3f * outgoing));
                }
            }
        }
    }

    @Test
    void aUnitThatIsRarelyActiveDoesNotWidenItsLayersWeightRange() {
        // unit 1 fires only for x > 9.9 and feeds the output strongly: balancing by its tiny activation range blew up
        // the first layer's weights (the hello_world reproducer); balancing by weights keeps them within the geometric mean
        DenseNetwork network = new DenseNetwork(List.of(
                new DenseLayer(new float[][] {{1f}, {1f}}, new float[] {0f, -9.9f}, true),
                new DenseLayer(new float[][] {{1f, 6f}}, new float[] {0f}, false)));
        DenseLayer first = CrossLayerEqualization.apply(network).layers().get(0);
        assertThat(Math.max(maxAbs(first.weights()[0]), maxAbs(first.weights()[1]))).isCloseTo((float) Math.sqrt(6), within(1e-3f));
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
