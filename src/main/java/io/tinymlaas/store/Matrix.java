package io.tinymlaas.store;

import java.time.Instant;
import java.util.List;

/** A board matrix: one example on many targets, each cell a pipeline run of its own or a reason it cannot run here. */
public record Matrix(long id, String example, String dataVersion, Long seed, String createdBy, Instant createdAt,
                     List<Cell> cells) {

    /**
     * One target's cell.
     *
     * @param runId     its pipeline run; null when no emulator here runs the target
     * @param cannotRun why no emulator here runs the target; null when it has a run
     */
    public record Cell(String target, Long runId, String cannotRun) {
    }
}
