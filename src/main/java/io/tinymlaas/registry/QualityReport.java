package io.tinymlaas.registry;

import io.tinymlaas.report.Quality;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest judged model of each example as one Markdown table: its gated quality figure against the goal, the data
 * version it was trained on, and the verdict. The nightly build writes it so the full profiles' goals are on record.
 */
public final class QualityReport {

    private QualityReport() {
    }

    /** The newest model of each example that the reference interpreter has judged, by example name. */
    public static List<RegisteredModel> newestJudged(List<RegisteredModel> models) {
        Map<String, RegisteredModel> newest = new LinkedHashMap<>();
        models.stream().filter(m -> !m.quality().isEmpty()).sorted(Comparator.comparing(RegisteredModel::storedAt))
                .forEach(m -> newest.put(m.example(), m));
        return newest.values().stream().sorted(Comparator.comparing(RegisteredModel::example)).toList();
    }

    public static String markdown(List<RegisteredModel> models) {
        StringBuilder md = new StringBuilder();
        md.append("| example | model | data version | quality on held-out data | measured | goal | verdict | stored |\n");
        md.append("|---|---|---|---|---:|---|---|---|\n");
        for (RegisteredModel m : models) {
            for (Quality q : m.quality().stream().filter(q -> q.goal() != Quality.Goal.NONE).toList()) {
                md.append(String.format("| %s | %s | %s %s | %s | %.4f | %s %.4f | %s | %s |%n", m.example(), m.id(),
                        m.data().name(), m.data().version(), q.metric().replace("|", "\\|"), q.value(),
                        q.goal() == Quality.Goal.AT_LEAST ? "≥" : "≤", q.bound(), q.passed() ? "PASSED" : "FAILED", m.storedAt()));
            }
        }
        return md.toString();
    }
}
