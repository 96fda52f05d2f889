package io.tinymlaas.compile;

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
}
