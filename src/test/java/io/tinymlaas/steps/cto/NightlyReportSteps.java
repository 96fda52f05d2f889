package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.NightlyOutcome;
import io.tinymlaas.report.MatrixReport;
import io.tinymlaas.steps.World;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The nightly report, made through the facade `dry-run --all` calls. */
public class NightlyReportSteps {

    private final World world;
    private NightlyOutcome outcome;

    public NightlyReportSteps(World world) {
        this.world = world;
    }

    @When("the CTO makes the nightly report of {string}")
    public void makeTheReport(String example) {
        outcome = world.tinyml.nightly(List.of(example), stage -> { });
    }

    @Then("the report has a cell for {string} on x86 and on every board, none left out")
    public void everyTarget(String example) {
        assertThat(outcome.matrices()).singleElement().satisfies(matrix -> {
            assertThat(matrix.example()).isEqualTo(example);
            assertThat(matrix.rows()).extracting(MatrixReport.Row::target).containsExactlyElementsOf(world.tinyml.targetIds());
        });
        assertThat(world.tinyml.targetIds()).contains("x86").containsAll(world.tinyml.boardIds());
    }

    @Then("every board no emulator here runs is a skipped test in junit.xml saying why it cannot run here")
    public void skippedSayingWhy() throws Exception {
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(outcome.junit().toFile())
                .getElementsByTagName("testcase");
        List<MatrixReport.Row> rows = outcome.matrices().get(0).rows();
        assertThat(cases.getLength()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Element testcase = (Element) cases.item(i);
            assertThat(testcase.getAttribute("name")).isEqualTo(rows.get(i).target());
            NodeList skipped = testcase.getElementsByTagName("skipped");
            if (rows.get(i).verdict() == MatrixReport.Verdict.CANNOT_RUN_HERE) {
                assertThat(((Element) skipped.item(0)).getAttribute("message")).startsWith("cannot run here: " + rows.get(i).target());
            } else {
                assertThat(skipped.getLength()).isZero();
            }
        }
        assertThat(rows).anyMatch(row -> row.verdict() == MatrixReport.Verdict.CANNOT_RUN_HERE);
    }

    @Then("no cell that can run here failed")
    public void noneFailed() {
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.matrices().get(0).rows()).noneMatch(row -> row.verdict() == MatrixReport.Verdict.FAILED);
    }

    @Then("index.html links every cell to its own run's report")
    public void linksToEveryCell() throws Exception {
        String page = Files.readString(outcome.html());
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\">([a-z0-9_]+)</a>").matcher(page);
        int links = 0;
        while (link.find()) {
            assertThat(outcome.html().resolveSibling(link.group(1))).as(link.group(2)).exists()
                    .satisfies(file -> assertThat(Files.readString(file)).contains(link.group(2)));
            links++;
        }
        assertThat(links).isEqualTo(world.tinyml.targetIds().size());
    }
}
