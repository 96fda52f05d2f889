package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.report.MatrixReport;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CTO's nightly report, made as `bin/tinyml dry-run --all` makes it: every example (or those of
 * -Dtinyml.nightly.report.examples) on every target. Hours with person_detection on every board, so it runs only when
 * asked: mvn verify -Pnightly -Dtinyml.nightly.report=true.
 */
@EnabledIfSystemProperty(named = "tinyml.nightly.report", matches = "true")
class NightlyReportIT {

    @Test
    void everyExampleHasACellOnEveryTargetInThePageAndInTheJunitXml() throws Exception {
        Tinyml tinyml = Tinyml.forThisProject();
        String chosen = System.getProperty("tinyml.nightly.report.examples", "");
        List<String> examples = chosen.isBlank() ? Tinyml.examples() : Arrays.asList(chosen.split(","));

        NightlyOutcome outcome = tinyml.nightly(examples, stage -> { });

        assertThat(outcome.matrices()).extracting(MatrixReport::example).containsExactlyElementsOf(examples);
        for (MatrixReport matrix : outcome.matrices()) {
            assertThat(matrix.rows()).extracting(MatrixReport.Row::target).containsExactlyElementsOf(tinyml.targetIds());
            assertThat(matrix.rows()).filteredOn(row -> row.verdict() == MatrixReport.Verdict.FAILED)
                    .allSatisfy(row -> assertThat(row.reason()).matches("^[a-z]+: .+"));
        }
        long cells = (long) examples.size() * tinyml.targetIds().size();
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(outcome.junit().toFile())
                .getElementsByTagName("testcase").getLength()).isEqualTo((int) cells);
        assertThat(Files.readString(outcome.html())).contains(cells + " cells: ");
    }
}
