package io.tinymlaas.cli;

import io.tinymlaas.app.FootprintOutcome;
import io.tinymlaas.device.FootprintReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "footprint", mixinStandardHelpOptions = true,
        description = "Builds firmware for a .tflite model and reports flash and RAM per board, and whether it fits.")
final class FootprintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "the .tflite file")
    Path model;

    @Option(names = "--board", description = "one board id (default: every board an emulator here can run)")
    String board;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        FootprintOutcome footprint = main.tinyml().footprint(model, board);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-30s %10s %10s %10s %10s  %s%n", "board", "flash", "of", "RAM", "of", "verdict");
        for (FootprintReport report : footprint.boards()) {
            out.printf("%-30s %10s %10d %10s %10d  %s%n", report.board(), measured(report.flashBytes()), report.flashLimit(),
                    measured(report.ramBytes()), report.ramLimit(), report.verdict());
        }
        out.printf("activations %d B (arena), weights %d B%n", footprint.arenaBytes(), footprint.constantBytes());
        return footprint.allFit() ? 0 : 1;
    }

    /** A size the linker gave, or "?" where it stopped at an overflow before giving it (the verdict says by how much). */
    private static String measured(long bytes) {
        return bytes < 0 ? "?" : String.valueOf(bytes);
    }
}
