package io.tinymlaas.app;

import io.tinymlaas.registry.RegisteredModel;
import java.util.List;

/** The quality report: each example's newest judged model and the Markdown table of them. */
public record QualityTable(List<RegisteredModel> judged, String markdown) {

    /** No judged model missed a goal (true when nothing is judged yet). */
    public boolean passed() {
        return judged.stream().allMatch(RegisteredModel::qualityPassed);
    }
}
