package io.tinymlaas.app;

import java.util.List;

/**
 * A board matrix as it stands: per target its verdict and why.
 *
 * @param finished every cell that can run here has ended
 * @param passed   finished, and every cell that can run here passed
 */
public record MatrixView(long id, String example, List<Cell> cells, boolean finished, boolean passed) {

    public static final String CANNOT_RUN_HERE = "CANNOT_RUN_HERE";

    /**
     * @param verdict QUEUED, RUNNING, PASSED, FAILED, CANCELLED, or CANNOT_RUN_HERE
     * @param detail  why it failed (the stage and its reason) or cannot run here; what the run stage measured when it passed
     */
    public record Cell(String target, String verdict, Long runId, String modelId, String detail) {
    }
}
