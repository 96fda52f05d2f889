package io.tinymlaas.cli;

import io.tinymlaas.app.CostOutcome;
import io.tinymlaas.app.CostRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Cloud or TinyML, for the CFO: what running an example on a board costs per device per year and for a "
                + "fleet over some years, the fleet size where TinyML becomes the cheaper one, and latency, energy and battery "
                + "life per inference. TinyML's figures rest on the instructions per inference measured on the board (its latest "
                + "dry-run of the example, or one run now); every other assumption is a named parameter of a YAML file. Writes "
                + "cost.html (with the plot of cost against fleet size) and cost.json."})
final class CostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", description = "example, e.g. magic_wand")
    String example;

    @Option(names = "--board", description = "board id, e.g. arduino_nano_33_ble_sense (see `tinyml boards`)")
    String board;

    @Option(names = "--fleet", defaultValue = "1000", description = "devices in the fleet (default: ${DEFAULT-VALUE})")
    long fleet;

    @Option(names = "--years", defaultValue = "3", description = "years the fleet runs (default: ${DEFAULT-VALUE})")
    double years;

    @Option(names = "--assumptions", paramLabel = "<file.yaml>",
            description = "the cost model's parameters (default: the ones --print-assumptions shows)")
    Path assumptions;

    @Option(names = "--measure", description = "run the dry-run on the board again rather than use its latest figures")
    boolean measure;

    @Option(names = "--print-assumptions", description = "print the default assumptions, with their sources, to copy and edit")
    boolean printAssumptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (printAssumptions) {
            out.print(main.tinyml().costAssumptionsTemplate());
            return 0;
        }
        if (example == null || board == null) {
            throw new ParameterException(spec.commandLine(), "name the example and the board, e.g. cost magic_wand --board "
                    + "arduino_nano_33_ble_sense");
        }
        CostOutcome outcome = main.tinyml().cost(new CostRequest(example, board, fleet, years, assumptions, measure),
                new StagePrinter(out));
        out.printf("cost of %s on %s%s%n", example, board, assumptions == null ? "" : " with the assumptions in " + assumptions);
        out.print(outcome.summary());
        out.printf("report: %s (cost.json beside it)%n", outcome.html());
        return 0;
    }
}
