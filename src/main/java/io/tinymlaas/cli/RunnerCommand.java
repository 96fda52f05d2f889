package io.tinymlaas.cli;

import io.tinymlaas.runner.RunnerOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "runner", mixinStandardHelpOptions = true,
        description = "Runs a model in firmware that speaks MLPerf Tiny's runner protocol (the EEMBC EnergyRunner's UART "
                + "commands, performance mode) on an emulated board, drives it as the runner does, and checks the results "
                + "against the reference interpreter.")
final class RunnerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "an example (its newest judged model) or a .tflite file with an int8 input")
    String model;

    @Option(names = "--board", defaultValue = "arduino_nano_33_ble_sense", description = "board id (default: ${DEFAULT-VALUE})")
    String board;

    @Option(names = "--iterations", defaultValue = "100", description = "timed inferences (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmups", defaultValue = "10", description = "warm-up inferences (default: ${DEFAULT-VALUE})")
    int warmups;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random int8 input (default: ${DEFAULT-VALUE})")
    long seed;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        RunnerOutcome outcome = main.tinyml().runnerProtocol(model, board, iterations, warmups, seed, null);
        PrintWriter out = spec.commandLine().getOut();
        var inference = outcome.inference();
        out.printf("name       m-name-dut-[%s]%n", outcome.deviceName());
        out.printf("profile    m-profile-[%s] m-model-[%s]%n", outcome.profile().profile(), outcome.profile().model());
        out.printf("load       db load %d, then %d db command(s), m-load-done%n", outcome.inputBytes(),
                outcome.dbCommands());
        out.printf("infer      infer %d %d: m-lap-us-%d .. m-lap-us-%d = %d us, %.3f us per inference%n", inference.iterations(),
                inference.warmups(), inference.startUs(), inference.endUs(), inference.elapsedUs(),
                inference.microsecondsPerInference());
        out.println("           (lap times in us at the board's core clock; on an emulator, its instructions at one per cycle)");
        out.printf("results    m-results-[%s]%n", String.join(",", inference.results()));
        out.printf("reference  [%s]%n", String.join(",", outcome.reference()));
        out.printf("firmware   flash %d B, RAM %d B on %s%n", outcome.flashBytes(), outcome.ramBytes(), outcome.board());
        out.println(outcome.matchesReference() ? "IDENTICAL to the reference interpreter's output, dequantized"
                : "DIFFERENT from the reference interpreter's output");
        return outcome.matchesReference() ? 0 : 1;
    }
}
