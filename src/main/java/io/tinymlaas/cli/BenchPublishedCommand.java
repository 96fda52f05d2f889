package io.tinymlaas.cli;

import io.tinymlaas.app.PublishedBenchRow;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.benchmark.PublishedShape;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench-published", mixinStandardHelpOptions = true,
        description = {"Benchmarks published models' shapes with seeded random int8 weights on boards: MLPerf Tiny's",
                "mlperf_kws (DS-CNN), mlperf_vww (MobileNet v1 0.25 96x96x3), mlperf_resnet8, mlperf_ad (FC autoencoder)",
                "and TFLM's person_detect. Outputs are compared with the reference interpreter's; bit-identical runs are",
                "written to target/bench/<model>-<board>.json, which bench-table prints beside TFLM's figures."})
final class BenchPublishedCommand implements Callable<Integer> {

    private static final List<String> DEFAULT_BOARDS = List.of("arduino_nano_33_ble_sense", "stm32f746_disco", "arm_mps3_an547");

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--model", paramLabel = "<model>", description = "A model id (default: all five).")
    List<String> models;

    @Option(names = "--board", paramLabel = "<id>",
            description = "A board (default: one per core, the Nano 33 BLE Sense (M4), the STM32F746 Discovery (M7), the MPS3 AN547 (M55)).")
    List<String> boards;

    @Option(names = "--inputs", defaultValue = "5", description = "Random inputs per model and board (default: ${DEFAULT-VALUE}).")
    int inputs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the weights and inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Tinyml tinyml = main.tinyml();
        List<PublishedShape> shapes = models == null ? Arrays.asList(PublishedShape.values())
                : models.stream().map(PublishedShape::byName).toList();
        List<PublishedBenchRow> rows = tinyml.benchPublished(shapes, boards == null ? DEFAULT_BOARDS : boards, inputs, seed);
        PrintWriter out = spec.commandLine().getOut();
        for (PublishedBenchRow row : rows) {
            out.printf("%-15s %-28s %,13d instructions  %s  flash %,9d B  RAM %,7d B  arena %,7d B  %s%n", row.model(),
                    row.board(), row.instructionsPerInference(), row.estimatedCycles() == null ? "no cycle estimate"
                            : String.format("~%,d cycles (%.3f ms)", row.estimatedCycles(), row.estimatedMilliseconds()),
                    row.flashBytes(), row.ramBytes(), row.arenaBytes(), row.bitIdentical()
                            ? "bit-identical on " + row.inputs() + " inputs; " + row.file()
                            : row.mismatchedInputs() + " of " + row.inputs() + " inputs differ (up to " + row.maxDiffLsb()
                                    + " LSB); no bench file written");
        }
        return rows.stream().allMatch(PublishedBenchRow::bitIdentical) ? 0 : 1;
    }
}
