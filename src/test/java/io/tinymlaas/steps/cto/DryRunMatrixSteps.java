package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.lifecycle.DryRun;
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
    private DryRun dryRun;
    private List<String> asked;
    private List<RunReport> reports;
    private MatrixReport matrix;
    private Path matrixFile;

    public DryRunMatrixSteps(World world) {
        this.world = world;
    }

    @When("the CTO dry-runs {string} on the targets {string}")
    public void dryRunOnSeveral(String example, String targets) {
        asked = Arrays.asList(targets.split(","));
        dryRun = new DryRun(world.layout, stage -> { });
        reports = dryRun.run(example, asked);
        matrix = MatrixReport.of(example, reports);
        matrixFile = matrix.write(dryRun.reportDirectory(example, "matrix"));
    }

    @Then("the matrix has a row per target, in the order asked")
    public void rowPerTarget() {
        assertThat(matrix.rows()).extracting(Row::target).containsExactlyElementsOf(asked);
    }

    @Then("{string} and {string} passed with {int} LSB difference to the reference interpreter")
    public void passed(String first, String second, int lsb) {
        for (String target : List.of(first, second)) {
            assertThat(row(target).verdict()).as(row(target).reason()).isEqualTo(Verdict.PASSED);
            assertThat(report(target).figures().get("max_abs_diff_lsb")).isEqualTo(lsb);
            assertThat((Integer) report(target).figures().get("inputs_compared")).isGreaterThanOrEqualTo(1000);
        }
    }

    @Then("{string} reports its instructions per inference, flash and RAM")
    public void reportsFigures(String target) {
        Row row = row(target);
        assertThat((Long) row.instructionsPerInference()).isBetween(100L, 100_000L);
        assertThat((Long) row.flashBytes()).isPositive();
        assertThat((Long) row.ramBytes()).isPositive();
    }

    @Then("{string} cannot run here because {string}")
    public void cannotRunHere(String target, String reason) {
        assertThat(row(target).verdict()).isEqualTo(Verdict.CANNOT_RUN_HERE);
        assertThat(row(target).reason()).startsWith(target + " cannot be emulated here").contains(reason);
        assertThat(matrix.anyFailed()).isFalse();
    }

    @Then("the model was trained only once for the whole matrix")
    public void trainedOnce() {
        assertThat(reports).extracting(r -> r.figures().get("model_sha256")).containsOnly(reports.get(0).figures().get("model_sha256"));
        assertThat(reports).extracting(r -> r.figures().get("work_directory")).containsOnly(reports.get(0).figures().get("work_directory"));
    }

    @Then("the matrix is written as matrix.md and matrix.json next to the per-target reports")
    public void matrixWritten() {
        assertThat(matrixFile).exists();
        assertThat(matrixFile.resolveSibling("matrix.md")).content().contains("| esp32_devkitc | CANNOT_RUN_HERE |");
        for (String target : asked) {
            assertThat(dryRun.reportDirectory(reports.get(0).example(), target).resolve("report.json")).exists();
        }
    }

    private Row row(String target) {
        return matrix.rows().stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow();
    }

    private RunReport report(String target) {
        return reports.stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow();
    }
}
