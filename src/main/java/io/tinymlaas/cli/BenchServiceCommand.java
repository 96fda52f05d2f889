package io.tinymlaas.cli;

import io.tinymlaas.app.ScratchDatabase;
import io.tinymlaas.app.ServiceBench;
import io.tinymlaas.app.ServiceBenchResult;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import io.tinymlaas.rest.RestServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Without --db it never opens the user's registry (serve's --data-dir default): it fills the database it is given with
 * thousands of devices.
 */
@Command(name = "bench-service", mixinStandardHelpOptions = true,
        description = {"Starts the service in this process (REST API on a free port, no job worker) on a fresh embedded H2 "
                + "database under target/ or on --db, and loads it over HTTP: for half the time every client registers devices "
                + "(POST /api/devices), for the other half reads them (GET /api/devices/{id}, every tenth read GET /api/devices).",
                "Prints requests per second, median and p99 latency per kind, errors and the JVM's resident memory, idle and "
                        + "under load, as a Markdown row; writes target/bench/service-<h2|postgresql>.json. Exit 1 if any request failed."})
final class BenchServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    DatabaseConnection database;

    @Option(names = "--seconds", defaultValue = "20", description = "how long to load the service (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent client threads (default: ${DEFAULT-VALUE})")
    int clients;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ServiceBench.requireLoad(clients, Duration.ofSeconds(seconds));
        Tinyml tinyml = main.tinyml();
        ServiceBenchResult result;
        try (ScratchDatabase scratch = database.url == null ? ScratchDatabase.create(tinyml) : null) {
            String jdbcUrl = scratch == null ? database.url : scratch.jdbcUrl();
            out.printf("loading the service on %s from %d clients for %d s%n", jdbcUrl, clients, seconds);
            out.flush();
            try (TinymlService service = TinymlService.open(tinyml, jdbcUrl, database.user, database.password(),
                    opened -> JobEngine.start(opened, false, "bench-service"));
                 RestServer server = RestServer.start(service, "127.0.0.1", 0)) {
                result = ServiceBench.run(service, server.port(), clients, Duration.ofSeconds(seconds));
            }
        }
        out.println(ServiceBenchResult.markdownHeader());
        out.println(result.markdownRow());
        if (result.errors() > 0) {
            out.printf("%d requests failed; the first: %s%n", result.errors(), result.firstError());
        }
        out.println("written to " + result.file());
        return result.errors() == 0 ? 0 : 1;
    }
}
