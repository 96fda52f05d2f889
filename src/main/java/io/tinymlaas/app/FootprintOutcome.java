package io.tinymlaas.app;

import io.tinymlaas.device.FootprintReport;
import java.util.List;

/** A model's footprint per board, and what the compiler planned: activation arena and weights. */
public record FootprintOutcome(List<FootprintReport> boards, int arenaBytes, int constantBytes) {

    public boolean allFit() {
        return boards.stream().allMatch(FootprintReport::fits);
    }
}
