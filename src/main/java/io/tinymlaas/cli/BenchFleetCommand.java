package io.tinymlaas.cli;

import io.tinymlaas.app.FleetBench;
import io.tinymlaas.app.FleetBenchResult;
import io.tinymlaas.app.ScratchDatabase;
import io.tinymlaas.app.TelemetryOptions;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import io.tinymlaas.rest.RestServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench-fleet", mixinStandardHelpOptions = true,
        description = {"Starts the service in this process (REST API and MQTT broker on free ports, a job worker for the rollouts) "
                + "on a fresh embedded H2 database under target/, then for each fleet size starts that many emulated devices behind "
                + "bridge processes (as `fleet start` does, with the newest judged hello_world model) and measures, once all are "
                + "online: reports stored per second against the schedule, the delay from a bridge sending a report to the service "
                + "storing it, resident memory of the server, each bridge and the emulators, and whether the machine held them.",
                "Prints a Markdown table and writes target/bench/fleet.json."})
final class BenchFleetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--counts", split = ",", defaultValue = "20", description = "fleet sizes, one after another (default: ${DEFAULT-VALUE})")
    List<Integer> counts;

    @Option(names = "--board", defaultValue = "arduino_nano_33_ble_sense", description = "the devices' board (default: ${DEFAULT-VALUE})")
    String board;

    @Option(names = "--per-bridge", defaultValue = "10", description = "devices per bridge process (default: ${DEFAULT-VALUE})")
    int perBridge;

    @Option(names = "--infer-ms", defaultValue = "1000", description = "between one device's inferences (default: ${DEFAULT-VALUE})")
    long inferMillis;

    @Option(names = "--heartbeat-ms", defaultValue = "2000", description = "between heartbeats (default: ${DEFAULT-VALUE})")
    long heartbeatMillis;

    @Option(names = "--seconds", defaultValue = "30", description = "how long each fleet is measured (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Tinyml tinyml = main.tinyml();
        FleetBenchResult result;
        try (ScratchDatabase scratch = ScratchDatabase.create(tinyml);
             TinymlService service = TinymlService.open(tinyml, scratch.jdbcUrl(), "tinyml", "",
                     opened -> JobEngine.start(opened, true, "bench-fleet"));
             RestServer server = RestServer.start(service, "127.0.0.1", 0)) {
            service.startTelemetry(TelemetryOptions.moquette("127.0.0.1", 0));
            result = FleetBench.run(service, server.port(), counts, board, perBridge, Duration.ofMillis(inferMillis),
                    Duration.ofMillis(heartbeatMillis), Duration.ofSeconds(seconds), line -> {
                        out.println(line);
                        out.flush();
                    });
        }
        out.println(FleetBenchResult.markdownHeader());
        result.markdownRows().forEach(out::println);
        out.println("written to " + result.file());
        return 0;
    }
}
