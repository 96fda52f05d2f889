package io.tinymlaas.cli;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.Footprint;
import io.tinymlaas.device.FootprintReport;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.lifecycle.Lifecycle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        Targets targets = new Targets(layout);
        CompiledModel compiled = Lifecycle.compileFile(model);
        List<Board> boards = board == null ? targets.boards().emulatable() : List.of(targets.boards().byId(board));
        boards.forEach(targets::emulatorFor);  // a board with no build profile here is refused before the table starts
        Path work = layout.output().resolve("footprint");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-30s %10s %10s %10s %10s  %s%n", "board", "flash", "of", "RAM", "of", "verdict");
        boolean allFit = true;
        for (Board each : boards) {
            FootprintReport report = new Footprint(layout.firmware(), targets).measure(compiled, each, work.resolve(each.id()));
            out.printf("%-30s %10s %10d %10s %10d  %s%n", each.id(), measured(report.flashBytes()), report.flashLimit(),
                    measured(report.ramBytes()), report.ramLimit(), report.verdict());
            allFit &= report.fits();
        }
        out.printf("activations %d B (arena), weights %d B%n", compiled.plan().arenaBytes(), compiled.constantBytes());
        return allFit ? 0 : 1;
    }

    /** A size the linker gave, or "?" where it stopped at an overflow before giving it (the verdict says by how much). */
    private static String measured(long bytes) {
        return bytes < 0 ? "?" : String.valueOf(bytes);
    }
}
