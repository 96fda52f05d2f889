package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.BoardListing;
import io.tinymlaas.app.FootprintOutcome;
import io.tinymlaas.device.FootprintReport;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.steps.WideDenseModel;
import io.tinymlaas.steps.World;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

public class MemoryFootprintSteps {

    private final World world;
    private Path model;
    private FootprintOutcome measured;
    private final Map<String, FootprintReport> reports = new LinkedHashMap<>();

    public MemoryFootprintSteps(World world) {
        this.world = world;
    }

    @Given("the {string} model has been trained, converted and compiled")
    public void trainedModel(String example) {
        Lifecycle lifecycle = world.lifecycle(example);
        lifecycle.collect();
        lifecycle.train();
        model = lifecycle.convert().file();
    }

    @Given("an int8 dense model with {int} inputs and {int} hidden units")
    public void wideDenseModel(int inputs, int hidden) throws IOException {
        model = WideDenseModel.write(world.layout.output().resolve("acceptance"), inputs, hidden);
    }

    @When("its firmware is linked for every board an emulator here runs")
    public void linkForEveryBoard() {
        measure(null);
    }

    @When("its firmware is linked for {string} and {string}")
    public void linkFor(String first, String second) {
        measure(first);
        measure(second);
    }

    @Then("every board gets flash and RAM bytes and fits with bytes to spare")
    public void everyBoardFits() {
        assertThat(reports.keySet()).containsExactlyInAnyOrderElementsOf(world.tinyml.boards().stream()
                .filter(board -> world.tinyml.target(board.id()).whyNotRunnable().isEmpty()).map(BoardListing::id).toList());
        assertThat(reports.values()).allSatisfy(this::fitsWithinItsBoard);
    }

    @Then("the RAM includes the model's activation arena and the flash its weights")
    public void ramAndFlashIncludeTheModel() {
        assertThat(reports.values()).allSatisfy(report -> {
            assertThat(report.ramBytes()).isGreaterThanOrEqualTo(measured.arenaBytes());
            assertThat(report.flashBytes()).isGreaterThan(measured.constantBytes());
        });
    }

    @Then("{string} fits with bytes to spare")
    public void fits(String board) {
        fitsWithinItsBoard(reports.get(board));
    }

    @Then("{string} does not fit: its flash is exceeded by the firmware size minus {long} bytes")
    public void doesNotFit(String board, long flashBytes) {
        FootprintReport report = reports.get(board);
        assertThat(report.fits()).isFalse();
        assertThat(report.overflowMemory()).isEqualTo("flash");
        assertThat(report.flashLimit()).isEqualTo(flashBytes);
        long needed = reports.values().stream().filter(FootprintReport::fits).findFirst().orElseThrow().flashBytes();
        // The two boards' firmware differs only in the board's UART and memory figures, so the overflow is the same
        // model's flash need (within a few bytes of start-up code) minus the smaller board's flash.
        assertThat(report.overflowBytes()).isCloseTo(needed - flashBytes, org.assertj.core.data.Offset.offset(64L));
        assertThat(report.verdict()).isEqualTo("does not fit: " + report.overflowBytes() + " bytes too many for flash");
    }

    private void fitsWithinItsBoard(FootprintReport report) {
        assertThat(report.fits()).as(report.board() + ": " + report.verdict()).isTrue();
        assertThat(report.flashBytes()).isPositive().isLessThanOrEqualTo(report.flashLimit());
        assertThat(report.ramBytes()).isPositive().isLessThanOrEqualTo(report.ramLimit());
        assertThat(report.verdict()).startsWith("fits (" + (report.flashLimit() - report.flashBytes()) + " B flash");
    }

    /** Links the model for one board, or (null) every board an emulator here runs, through the same call as `tinyml footprint`. */
    private void measure(String board) {
        measured = world.tinyml.footprint(model, board);
        measured.boards().forEach(report -> reports.put(report.board(), report));
    }
}
