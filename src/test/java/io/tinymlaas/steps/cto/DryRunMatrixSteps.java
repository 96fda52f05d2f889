package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.DryRunOutcome;
import io.tinymlaas.app.RunRequest;
import io.tinymlaas.report.MatrixReport;
import io.tinymlaas.report.MatrixReport.Row;
import io.tinymlaas.report.MatrixReport.Verdict;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.steps.World;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

public class DryRunMatrixSteps {

    private final World world;
    private List<String> asked;
    private List<RunReport> reports;
    private MatrixReport matrix;
    private Path matrixFile;

    public DryRunMatrixSteps(World world) {
        this.world = world;
    }

    @When("the CTO dry-runs {string} on the targets {string} with at most {int} test inputs on each board")
    public void dryRunSampling(String example, String targets, int boardInputs) {
        asked = Arrays.asList(targets.split(","));
        DryRunOutcome outcome = world.tinyml.dryRun(new RunRequest(example, asked, null, null), boardInputs, stage -> { });
        reports = outcome.reports();
        matrix = outcome.matrix();
        matrixFile = outcome.file();
    }

    @Then("{string} ran every test input and {string} the first {int}")
    public void inputsRun(String x86, String board, int boardInputs) {
        assertThat(report(x86).figures().compared().inputsCompared()).isEqualTo(1000);
        assertThat(report(board).figures().compared().inputsCompared()).isEqualTo(boardInputs);
        assertThat(report(board).stages()).filteredOn(stage -> stage.name().equals("run")).singleElement()
                .satisfies(stage -> assertThat(stage.detail()).startsWith(boardInputs + " inferences on "));
    }

    @Then("the matrix has a row per target, in the order asked")
    public void rowPerTarget() {
        assertThat(matrix.rows()).extracting(Row::target).containsExactlyElementsOf(asked);
    }

    @Then("{string} and {string} passed with {int} LSB difference to the reference interpreter")
    public void passed(String first, String second, int lsb) {
        for (String target : List.of(first, second)) {
            assertThat(row(target).verdict()).as(row(target).reason()).isEqualTo(Verdict.PASSED);
            assertThat(report(target).figures().compared().maxAbsDiffLsb()).isEqualTo(lsb);
            assertThat(report(target).figures().compared().inputsCompared()).isPositive();
        }
    }

    @Then("{string} reports its instructions per inference, flash and RAM")
    public void reportsFigures(String target) {
        Row row = row(target);
        assertThat(row.instructionsPerInference()).isBetween(100L, 100_000L);
        assertThat(row.flashBytes()).isPositive();
        assertThat(row.ramBytes()).isPositive();
    }

    @Then("{string} ran on the {string}")
    public void ranOn(String target, String emulatedAs) {
        assertThat(report(target).stages()).filteredOn(stage -> stage.name().equals("run")).singleElement()
                .satisfies(stage -> assertThat(stage.detail()).contains(emulatedAs));
    }

    @Then("{string} cannot run here because {string}")
    public void cannotRunHere(String target, String reason) {
        assertThat(row(target).verdict()).isEqualTo(Verdict.CANNOT_RUN_HERE);
        assertThat(row(target).reason()).startsWith(target + " cannot be emulated here").contains(reason);
        assertThat(matrix.anyFailed()).isFalse();
    }

    @Then("the model was trained only once for the whole matrix")
    public void trainedOnce() {
        assertThat(reports).extracting(r -> r.figures().conversion().modelSha256())
                .containsOnly(reports.get(0).figures().conversion().modelSha256());
        assertThat(reports).extracting(r -> r.figures().workDirectory()).containsOnly(reports.get(0).figures().workDirectory());
    }

    @Then("the matrix is written as matrix.md and matrix.json next to the per-target reports")
    public void matrixWritten() {
        assertThat(matrixFile).exists();
        assertThat(matrixFile.resolveSibling("matrix.md")).content().contains("| himax_we1_plus | CANNOT_RUN_HERE |");
        for (String target : asked) {
            assertThat(world.tinyml.reportDirectory(reports.get(0).example(), target).resolve("report.json")).exists();
        }
    }

    private Row row(String target) {
        return matrix.rows().stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow();
    }

    private RunReport report(String target) {
        return reports.stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow();
    }
}
