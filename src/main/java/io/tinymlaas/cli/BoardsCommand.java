package io.tinymlaas.cli;

import io.tinymlaas.app.BoardListing;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "boards", mixinStandardHelpOptions = true,
        description = "Lists the supported boards with their core, memory and how they are emulated here.")
final class BoardsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-30s %-11s %5s %9s %9s  %s%n", "board", "core", "MHz", "flash", "RAM", "emulation here");
        for (BoardListing board : main.tinyml().boards()) {
            out.printf("%-30s %-11s %5d %9d %9d  %s%n", board.id(), board.core(), board.clockMhz(), board.flashBytes(),
                    board.ramBytes(), board.emulation());
        }
        return 0;
    }
}
