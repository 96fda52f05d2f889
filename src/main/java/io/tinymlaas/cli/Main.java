package io.tinymlaas.cli;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.core.TinymlException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `tinyml` command line. Errors the user can act on are printed as one message, without a stack trace. */
@Command(name = "tinyml", mixinStandardHelpOptions = true, version = "tinyml 0.1.0",
        description = "The TinyML lifecycle (collect, train, convert, compile, run, compare) on containers and emulated boards.",
        subcommands = {DryRunCommand.class, BenchCommand.class, BenchPublishedCommand.class, CompileCommand.class, BoardsCommand.class,
                FootprintCommand.class, BenchTableCommand.class, RunnerCommand.class, RunCommand.class, ClassifyCommand.class,
                DataCommand.class, ModelsCommand.class,
                FrontEndCommand.class,
                KeywordCommand.class, FlakinessCommand.class, CostCommand.class, CascadeCommand.class, FeasibleCommand.class, ServeCommand.class,
                WorkerCommand.class, BenchServiceCommand.class, BridgeCommand.class, FleetCommand.class, BenchFleetCommand.class,
                DemoCommand.class})
public final class Main {

    private final Supplier<Tinyml> engine;
    private Tinyml tinyml;

    private Main(Supplier<Tinyml> engine) {
        this.engine = engine;
    }

    /** The facade, made on first use: `tinyml --help` works outside a project, where finding the layout fails. */
    Tinyml tinyml() {
        if (tinyml == null) {
            tinyml = engine.get();
        }
        return tinyml;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(() -> Tinyml.forThisProject().withTerminalProgress(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)} on the facade {@code engine} makes (tests give their own). */
    public static int run(Supplier<Tinyml> engine, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main(engine)).setOut(out).setErr(err);
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
