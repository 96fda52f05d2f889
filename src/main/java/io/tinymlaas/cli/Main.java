package io.tinymlaas.cli;

import io.tinymlaas.core.TinymlException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `tinyml` command line. Errors the user can act on are printed as one message, without a stack trace. */
@Command(name = "tinyml", mixinStandardHelpOptions = true, version = "tinyml 0.1.0",
        description = "The TinyML lifecycle (collect, train, convert, compile, run, compare) on containers and emulated boards.",
        subcommands = {DryRunCommand.class, BenchCommand.class, CompileCommand.class, BoardsCommand.class,
                FootprintCommand.class, BenchTableCommand.class, RunCommand.class,
                DataCommand.class, ModelsCommand.class,
                FrontEndCommand.class,
                KeywordCommand.class, FlakinessCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof TinymlException) {
                line.getErr().println("tinyml: " + exception.getMessage());
                return 2;
            }
            // not a failure we foresaw: say so in one line first, so the trace below is not all the user sees
            line.getErr().println("tinyml: internal error (a bug in tinyml, please report it with the trace below): " + exception);
            exception.printStackTrace(line.getErr());
            return 3;
        });
        return commandLine.execute(args);
    }
}
