package io.tinymlaas.cli;

import io.tinymlaas.app.FeasibilityRequest;
import io.tinymlaas.app.FeasibilityVerdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "feasible", mixinStandardHelpOptions = true,
        description = {"A support request's verdict: dry-runs the model on the emulated board and answers ACCEPT or REJECT "
                + "with every reason measured (operators, flash and RAM, outputs against the reference interpreter, latency "
                + "at the board's clock, accuracy on held-out data, battery life). What cannot be measured here is a reason "
                + "to REJECT. Exit 0 ACCEPT, 1 REJECT, 2 bad input."})
final class FeasibleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--model", required = true, paramLabel = "<example|file.tflite>", description = "an example, or a .tflite file")
    String model;

    @Option(names = "--board", required = true, description = "board id (see `tinyml boards`)")
    String board;

    @Option(names = "--latency-ms", paramLabel = "<ms>", description = "the longest an inference may take")
    Double latencyMs;

    @Option(names = "--accuracy", paramLabel = "<0..1>", description = "the least accuracy on held-out data")
    Double accuracy;

    @Option(names = "--battery-days", paramLabel = "<days>", description = "the least battery life (see `cost --print-assumptions`)")
    Double batteryDays;

    @Option(names = "--assumptions", paramLabel = "<file.yaml>",
            description = "cycles per instruction, inferences per day and battery size (default: `cost --print-assumptions`)")
    Path assumptions;

    @Override
    public Integer call() {
        FeasibilityVerdict verdict = main.tinyml().feasible(new FeasibilityRequest(model, board, latencyMs, accuracy, batteryDays,
                assumptions), new StagePrinter(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s on %s%n", verdict.verdict(), verdict.model(), verdict.board());
        for (FeasibilityVerdict.Check check : verdict.checks()) {
            out.printf("  %-11s %-13s %s%n", check.outcome(), check.name(), check.detail());
        }
        return verdict.accepted() ? 0 : 1;
    }
}
