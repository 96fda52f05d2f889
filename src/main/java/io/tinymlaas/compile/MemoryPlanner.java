package io.tinymlaas.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the activation arena at compile time: tensors whose lifetimes do not overlap share bytes. Greedy by
 * size, largest first, each placed at the lowest aligned offset that does not collide with a tensor alive at
 * the same time (the strategy TFLM's greedy planner also uses).
 */
public final class MemoryPlanner {

    private MemoryPlanner() {
    }

    public static MemoryPlan plan(List<TensorLifetime> tensors, int alignment) {
        List<TensorLifetime> bySize = new ArrayList<>(tensors);
        bySize.sort(Comparator.comparingInt(TensorLifetime::bytes).reversed().thenComparingInt(TensorLifetime::tensor));
        List<TensorLifetime> placed = new ArrayList<>();
        Map<Integer, Integer> offsets = new LinkedHashMap<>();
        int arena = 0;
        for (TensorLifetime tensor : bySize) {
            List<TensorLifetime> live = placed.stream().filter(tensor::overlapsInTime)
                    .sorted(Comparator.comparingInt(t -> offsets.get(t.tensor()))).toList();
            int offset = 0;
            for (TensorLifetime other : live) {
                int otherStart = offsets.get(other.tensor());
                if (offset + tensor.bytes() <= otherStart) {
                    break;
                }
                offset = Math.max(offset, align(otherStart + other.bytes(), alignment));
            }
            offsets.put(tensor.tensor(), offset);
            placed.add(tensor);
            arena = Math.max(arena, offset + tensor.bytes());
        }
        return new MemoryPlan(Map.copyOf(offsets), align(arena, alignment));
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
