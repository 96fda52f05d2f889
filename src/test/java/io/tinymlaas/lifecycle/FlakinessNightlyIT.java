package io.tinymlaas.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.examples.Examples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The nightly flakiness check: every example's fast profile, the one `mvn verify` gates on, trained from
 * {@code tinyml.flakiness.runs} seeds (20 unless set). No run may miss a goal and the first seed must reproduce its model
 * byte for byte. The report goes to target/tinyml/reports/flakiness/flakiness.md for the nightly record.
 */
@EnabledIfSystemProperty(named = "tinyml.profile", matches = "full")
class FlakinessNightlyIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();

    @Test
    void everyFastExampleMeetsItsGoalsFromEverySeedAndReproducesItsModel() {
        int runs = Integer.getInteger("tinyml.flakiness.runs", 20);
        List<QualitySpread.Result> results = new ArrayList<>();
        for (String name : Examples.names()) {
            results.add(QualitySpread.measure(Examples.fastProfile(name), LAYOUT.output().resolve("flakiness").resolve(name),
                    LAYOUT.datasets(), 1, runs, run -> { }));
            QualitySpreadReport.write(results, LAYOUT.output().resolve("reports").resolve("flakiness"));
        }
        assertThat(results).allSatisfy(result -> {
            assertThat(result.runs()).hasSize(runs);
            assertThat(result.failures()).as("%s: runs that missed a goal", result.example()).isZero();
            assertThat(result.reproducible()).as("%s: the first seed trained twice gives the same model", result.example()).isTrue();
        });
    }
}
