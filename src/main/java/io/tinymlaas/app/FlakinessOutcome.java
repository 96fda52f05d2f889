package io.tinymlaas.app;

import io.tinymlaas.lifecycle.QualitySpread;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The spread of each example's gated figures over many seeds, the Markdown table, and where it was written. */
public record FlakinessOutcome(List<QualitySpread.Result> results, String markdown, Path file) {

    /** No run missed a goal and every first seed reproduced its model. */
    public boolean clean() {
        return results.stream().allMatch(r -> r.failures() == 0 && r.reproducible());
    }

    /** What went wrong, per example, in one line. */
    public String failures() {
        return results.stream().filter(r -> r.failures() > 0 || !r.reproducible())
                .map(r -> r.example() + (r.failures() > 0 ? " missed a goal in " + r.failures() + " of " + r.runs().size() + " runs" : "")
                        + (r.reproducible() ? "" : " did not reproduce its first model"))
                .collect(Collectors.joining("; "));
    }
}
