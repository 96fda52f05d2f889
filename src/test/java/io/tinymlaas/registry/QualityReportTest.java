package io.tinymlaas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.report.Quality;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityReportTest {

    private static RegisteredModel model(String id, String example, String storedAt, List<Quality> quality) {
        return new RegisteredModel(id, example, storedAt, "m.json", "ab", new RegisteredModel.DataVersion(example, "v2", "cd"), 7L,
                Map.of(), null, quality);
    }

    @Test
    void keepsOnlyTheNewestJudgedModelOfEachExampleSortedByExample() {
        RegisteredModel oldWand = model("wand-1", "magic_wand", "2026-11-25T10:00:00Z", List.of(Quality.atLeast("accuracy", 0.9, 0.8)));
        RegisteredModel newWand = model("wand-2", "magic_wand", "2026-11-26T10:00:00Z", List.of(Quality.atLeast("accuracy", 0.95, 0.9)));
        RegisteredModel unjudged = model("wand-3", "magic_wand", "2026-11-27T10:00:00Z", List.of());
        RegisteredModel digits = model("lstm-1", "mnist_lstm", "2026-11-24T10:00:00Z", List.of(Quality.atLeast("accuracy", 0.96, 0.97)));

        assertThat(QualityReport.newestJudged(List.of(digits, unjudged, newWand, oldWand))).extracting(RegisteredModel::id)
                .containsExactly("wand-2", "lstm-1");
    }

    @Test
    void writesOneRowPerGatedFigureWithTheVerdictAndEscapesPipes() {
        RegisteredModel sine = model("sine-1", "hello_world", "2026-11-26T10:00:00Z",
                List.of(Quality.atMost("mean |y - sin(x)|", 0.016, 0.05), Quality.report("share within 0.05", 0.97)));
        RegisteredModel digits = model("lstm-1", "mnist_lstm", "2026-11-24T10:00:00Z", List.of(Quality.atLeast("accuracy", 0.96, 0.97)));

        String[] lines = QualityReport.markdown(List.of(sine, digits)).split("\n");

        assertThat(lines).hasSize(4);
        assertThat(lines[2]).isEqualTo("| hello_world | sine-1 | hello_world v2 | mean \\|y - sin(x)\\| | 0.0160 | ≤ 0.0500 | PASSED | 2026-11-26T10:00:00Z |");
        assertThat(lines[3]).contains("| 0.9600 | ≥ 0.9700 | FAILED |");
    }
}
