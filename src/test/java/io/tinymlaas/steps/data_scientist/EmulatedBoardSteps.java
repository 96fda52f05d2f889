package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.steps.World;

/** The last leg of every example's scenario: the compiled model on an emulated board, over its UART. */
public class EmulatedBoardSteps {

    private final World world;
    private Board board;
    private TargetRun run;
    private int expectedInputs;

    public EmulatedBoardSteps(World world) {
        this.world = world;
    }

    @When("the compiled model runs on the emulated board {string} on every test input")
    public void runOnBoard(String boardId) {
        runOnBoard(boardId, world.lifecycle().testInputs().size());
    }

    @When("the compiled model runs on the emulated board {string} on {int} test inputs \\(every test input in the full profile)")
    public void runOnBoardSample(String boardId, int fastCount) {
        runOnBoard(boardId, Examples.fullProfileChosen() ? world.lifecycle().testInputs().size() : fastCount);
    }

    private void runOnBoard(String boardId, int count) {
        Target target = world.tinyml.target(boardId).requireRunnable();
        board = target.board().orElseThrow();
        expectedInputs = Math.min(count, world.lifecycle().testInputs().size());
        run = world.lifecycle().runOn(target.runner(world.layout.output().resolve("acceptance")
                .resolve(world.lifecycle().example().name() + "-" + boardId + "-" + System.nanoTime())), count);
    }

    @Then("every int8 output on the board is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        Comparison comparison = world.lifecycle().compareWithReference();
        assertThat(comparison.inputs()).isEqualTo(run.outputs().size()).isEqualTo(expectedInputs);
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }

    @Then("the firmware fits the board's real flash and RAM and reports its instructions per inference")
    public void fitsTheBoard() {
        assertThat(run.size().flashBytes()).isPositive().isLessThanOrEqualTo(board.flashBytes());
        assertThat(run.size().ramBytes()).isPositive().isLessThanOrEqualTo(board.ramBytes());
        assertThat(run.instructions()).hasSameSizeAs(run.outputs()).allSatisfy(count -> assertThat(count).isPositive());
    }
}
