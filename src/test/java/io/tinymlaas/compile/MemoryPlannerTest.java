package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryPlannerTest {

    @Test
    void tensorsAliveAtTheSameTimeNeverShareBytes() {
        List<TensorLifetime> chain = List.of(
                new TensorLifetime(0, 1, 0, 0), new TensorLifetime(3, 16, 0, 1),
                new TensorLifetime(6, 16, 1, 2), new TensorLifetime(9, 1, 2, 3));
        MemoryPlan plan = MemoryPlanner.plan(chain, 4);
        for (TensorLifetime a : chain) {
            for (TensorLifetime b : chain) {
                if (a != b && a.overlapsInTime(b)) {
                    int aStart = plan.offsetOf(a.tensor());
                    int bStart = plan.offsetOf(b.tensor());
                    assertThat(aStart + a.bytes() <= bStart || bStart + b.bytes() <= aStart)
                            .as("tensors %d and %d overlap in memory", a.tensor(), b.tensor()).isTrue();
                }
            }
        }
    }

    @Test
    void helloWorldChainNeedsOnlyTwoHiddenLayersWorthOfArena() {
        MemoryPlan plan = MemoryPlanner.plan(List.of(
                new TensorLifetime(0, 1, 0, 0), new TensorLifetime(3, 16, 0, 1),
                new TensorLifetime(6, 16, 1, 2), new TensorLifetime(9, 1, 2, 3)), 4);
        assertThat(plan.arenaBytes()).isEqualTo(32);
    }

    @Test
    void tensorsWithDisjointLifetimesReuseTheSameBytes() {
        MemoryPlan plan = MemoryPlanner.plan(List.of(
                new TensorLifetime(1, 100, 0, 1), new TensorLifetime(2, 100, 2, 3)), 4);
        assertThat(plan.offsetOf(1)).isEqualTo(plan.offsetOf(2));
        assertThat(plan.arenaBytes()).isEqualTo(100);
    }

    @Test
    void offsetsAndArenaSizeAreAligned() {
        MemoryPlan plan = MemoryPlanner.plan(List.of(
                new TensorLifetime(1, 5, 0, 1), new TensorLifetime(2, 3, 0, 1), new TensorLifetime(3, 7, 1, 1)), 4);
        assertThat(plan.offsets().values()).allMatch(offset -> offset % 4 == 0);
        assertThat(plan.arenaBytes() % 4).isZero();
        assertThat(plan.arenaBytes()).isEqualTo(20);
    }
}
