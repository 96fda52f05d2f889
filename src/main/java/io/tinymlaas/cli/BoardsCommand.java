package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "boards", mixinStandardHelpOptions = true,
        description = "Lists the supported boards with their core, memory and how they are emulated here.")
final class BoardsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Targets targets = new Targets(ProjectLayout.find());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-30s %-11s %5s %9s %9s  %s%n", "board", "core", "MHz", "flash", "RAM", "emulation here");
        for (Board board : targets.boards().all()) {
            String emulation = board.emulatable()
                    ? String.join("; ", targets.availability(board))
                    : "not emulatable: " + board.unsupportedReason();
            out.printf("%-30s %-11s %5d %9d %9d  %s%n", board.id(), board.core(), board.clockMhz(), board.flashBytes(),
                    board.ramBytes(), emulation);
        }
        return 0;
    }
}
