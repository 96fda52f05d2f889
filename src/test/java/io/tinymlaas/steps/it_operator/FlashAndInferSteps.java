package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.steps.TrainedHelloWorld;
import io.tinymlaas.steps.World;

public class FlashAndInferSteps {

    private final World world;
    private Lifecycle lifecycle;
    private Board board;
    private TargetRun run;

    public FlashAndInferSteps(World world) {
        this.world = world;
    }

    @Given("the hello_world model has been trained, converted and compiled")
    public void trainedModel() {
        lifecycle = TrainedHelloWorld.get(world.tinyml);
    }

    @When("the firmware for {string} is built, flashed into its emulator and sent every test input over UART")
    public void flashAndInfer(String boardId) {
        Target target = world.tinyml.target(boardId).requireRunnable();
        board = target.board().orElseThrow();
        run = lifecycle.runOn(target.runner(
                world.layout.output().resolve("acceptance").resolve(boardId + "-" + System.nanoTime())));
    }

    @Then("every output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        Comparison comparison = lifecycle.compareWithReference();
        assertThat(comparison.inputs()).isGreaterThanOrEqualTo(1000);
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }

    @Then("each inference reports how many instructions it took")
    public void instructionsReported() {
        assertThat(run.instructions()).hasSameSizeAs(run.outputs());
        // A fully connected 1-16-16-1 network cannot take fewer than its 288 multiply-accumulates.
        assertThat(run.instructions()).allSatisfy(count -> assertThat(count).isBetween(288L, 100_000L));
        // Only the clamping branches depend on the data, so counts may differ by a few instructions, no more.
        long min = run.instructions().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = run.instructions().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(max).isLessThanOrEqualTo(min + min / 10);
    }

    @Then("the firmware fits the board's real flash and RAM")
    public void fits() {
        long flash = run.size().flashBytes();
        long ram = run.size().ramBytes();
        assertThat(flash).isPositive().isLessThanOrEqualTo(board.flashBytes());
        assertThat(ram).isPositive().isLessThanOrEqualTo(board.ramBytes());
    }

    @Then("{string} is refused with the reason {string}")
    public void refused(String boardId, String reason) {
        Target refused = world.tinyml.target(boardId);
        assertThat(refused.board().orElseThrow().emulatable()).isFalse();
        assertThatThrownBy(refused::requireRunnable)
                .isInstanceOf(TinymlException.class)
                .hasMessageStartingWith(boardId + " cannot be emulated here")
                .hasMessageContaining(reason);
    }
}
