package io.tinymlaas.cli;

import io.tinymlaas.app.CascadeOutcome;
import io.tinymlaas.app.CascadeRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cascade", mixinStandardHelpOptions = true,
        description = {"The CFO's cascade of TinyML and cloud: the board answers with the example's int8 model, and a sample "
                + "whose confidence is below a threshold also goes to a larger float model in the cloud. On held-out data, per "
                + "threshold: accuracy, share sent to the cloud, cost per 1,000 inferences and latency, beside the device alone and "
                + "the cloud alone. The device's figures rest on the board's latest dry-run of the example (or one run now). Writes "
                + "cascade.html (the trade-off of accuracy against cost) and cascade.json."})
final class CascadeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "a classifier example, e.g. magic_wand or micro_speech")
    String example;

    @Option(names = "--board", required = true, description = "board id, e.g. arduino_nano_33_ble_sense (see `tinyml boards`)")
    String board;

    @Option(names = "--thresholds", split = ",", paramLabel = "<t>",
            defaultValue = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95,0.99,1",
            description = "confidence thresholds in [0, 1], comma-separated (default: ${DEFAULT-VALUE}; 0.95 and 0.99 as an "
                    + "int8 softmax's confidences crowd near 1)")
    List<Double> thresholds;

    @Option(names = "--assumptions", paramLabel = "<file.yaml>",
            description = "the cost model's parameters (default: the ones `cost --print-assumptions` shows)")
    Path assumptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CascadeOutcome outcome = main.tinyml().cascade(new CascadeRequest(example, board, thresholds, assumptions),
                new StagePrinter(out));
        out.printf("cascade of %s on %s%s%n", example, board, assumptions == null ? "" : " with the assumptions in " + assumptions);
        out.print(outcome.table());
        out.printf("report: %s (cascade.json beside it)%n", outcome.html());
        return 0;
    }
}
