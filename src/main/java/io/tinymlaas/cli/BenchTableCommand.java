package io.tinymlaas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench-table", mixinStandardHelpOptions = true,
        description = "Prints the latest benchmark results (target/bench/*.json) as a Markdown table for the README.")
final class BenchTableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("%s", main.tinyml().benchTable());  // printf flushes; print alone would not before exit
        return 0;
    }
}
