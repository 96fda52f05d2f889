package io.tinymlaas.compile;

import java.util.HashMap;
import java.util.Map;

/** Where each activation tensor lives in the one static arena, and how big the arena is. */
public record MemoryPlan(Map<Integer, Integer> offsets, int arenaBytes) {

    public int offsetOf(int tensor) {
        Integer offset = offsets.get(tensor);
        if (offset == null) {
            throw new IllegalArgumentException("tensor " + tensor + " has no place in the arena");
        }
        return offset;
    }

    /**
     * This plan with {@code tensors}, of {@code sizes} bytes, placed one after the other from where {@code region}
     * lies: the region was planned for all of them together.
     */
    MemoryPlan withSlices(int region, int[] tensors, int[] sizes) {
        Map<Integer, Integer> all = new HashMap<>(offsets);
        int at = offsetOf(region);
        for (int k = 0; k < tensors.length; k++) {
            all.put(tensors[k], at);
            at += sizes[k];
        }
        return new MemoryPlan(Map.copyOf(all), arenaBytes);
    }
}
