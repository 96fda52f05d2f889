package io.tinymlaas.cli;

import io.tinymlaas.app.TinymlService;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs pipeline jobs from the registry database (the embedded H2 in --data-dir, shared with a server on this "
                + "machine, unless --db names one), one at a time, beside the server and other workers: "
                + "start one per machine against the same PostgreSQL (--db jdbc:postgresql://…) to spread the work. A job "
                + "whose worker dies is handed to another. Stops on Ctrl-C."})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--name", description = "the name the job engine shows for this worker (default: worker-<pid>@<host>)")
    String name;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String workerName = name != null ? name : "worker-" + ManagementFactory.getRuntimeMXBean().getName();
        TinymlService service = database.open(main.tinyml(), true, workerName);
        out.printf("%s taking pipeline runs from the %s database %s; Ctrl-C stops%n", workerName, service.databaseKind(),
                database.jdbcUrl());
        out.flush();
        DatabaseOptions.runUntilStopped(service::close);
        return 0;
    }
}
