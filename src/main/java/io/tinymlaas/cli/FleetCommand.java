package io.tinymlaas.cli;

import io.tinymlaas.app.FleetLauncher;
import io.tinymlaas.app.ServiceFolder;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "fleet", mixinStandardHelpOptions = true, subcommands = {FleetCommand.Start.class, FleetCommand.Stop.class},
        description = "Emulated devices reporting to a running service over MQTT: `fleet start` and `fleet stop`.")
final class FleetCommand {

    @ParentCommand
    Main main;

    /** Where the service is, who asks, and where this host keeps its bridges' list and logs. */
    static final class Connection {

        @Option(names = "--service", defaultValue = "http://127.0.0.1:8080", description = "the service (default: ${DEFAULT-VALUE})")
        URI service;

        @Option(names = "--token", description = "an operator token (default: $TINYML_TOKEN, else the first operator's token that "
                + "serve saved in --data-dir)")
        String token;

        @Option(names = "--data-dir", paramLabel = "<dir>", description = "serve's data folder; the fleet's bridges are listed and "
                + "log in its fleet/ folder (default: $XDG_DATA_HOME/tinymlaas or ~/.local/share/tinymlaas)")
        Path dataDirectory;

        FleetLauncher launcher(Main main) {
            return new FleetLauncher(main.tinyml(), service, token(data()), data().resolve("fleet"));
        }

        /** Enough to end what this host started: no token, as the service is not asked. */
        FleetLauncher localLauncher(Main main) {
            return new FleetLauncher(main.tinyml(), service, "", data().resolve("fleet"));
        }

        private Path data() {
            return dataDirectory != null ? dataDirectory : DatabaseOptions.defaultDataDirectory();
        }

        private String token(Path data) {
            if (token != null) {
                return token;
            }
            String env = System.getenv("TINYML_TOKEN");
            if (env != null && !env.isBlank()) {
                return env.strip();
            }
            return new ServiceFolder(data).firstToken();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Registers N emulated devices with the service, assigns them a model (a rollout: each flashed and "
                    + "verified), starts bridge processes for them on this host and returns once every device reports online."})
    static final class Start implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        FleetCommand fleet;

        @picocli.CommandLine.Mixin
        Connection connection;

        @Option(names = "--count", required = true, description = "how many devices")
        int count;

        @Option(names = "--board", required = true, description = "their board id (bin/tinyml boards lists them)")
        String board;

        @Option(names = "--model", description = "the model id to assign (default: the newest judged hello_world model)")
        String model;

        @Option(names = "--per-bridge", defaultValue = "10", description = "devices per bridge process (default: ${DEFAULT-VALUE})")
        int perBridge;

        @Option(names = "--heartbeat-ms", defaultValue = "2000", description = "between heartbeats (default: ${DEFAULT-VALUE})")
        long heartbeatMillis;

        @Option(names = "--infer-ms", defaultValue = "1000", description = "between one device's inferences (default: ${DEFAULT-VALUE})")
        long inferMillis;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FleetLauncher.Started started = connection.launcher(fleet.main).start(count, board, model, perBridge,
                    Duration.ofMillis(heartbeatMillis), Duration.ofMillis(inferMillis), line -> {
                        out.println(line);
                        out.flush();
                    });
            started.notVerified().forEach(device -> out.println("not started (its update failed): " + device));
            long devices = started.bridges().stream().mapToLong(bridge -> bridge.devices().size()).sum();
            out.printf("fleet: %d devices online running %s, behind %d bridge(s); `tinyml fleet stop` ends them%n", devices,
                    started.modelId(), started.bridges().size());
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Ends the bridge processes `fleet start` started on this host.")
    static final class Stop implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        FleetCommand fleet;

        @picocli.CommandLine.Mixin
        Connection connection;

        @Override
        public Integer call() {
            List<FleetLauncher.LaunchedBridge> stopped = connection.localLauncher(fleet.main).stop();
            PrintWriter out = spec.commandLine().getOut();
            stopped.forEach(bridge -> out.printf("stopped bridge %s (pid %d, devices %s)%n", bridge.name(), bridge.pid(), bridge.devices()));
            out.println(stopped.isEmpty() ? "no bridges were running" : "fleet stopped");
            return 0;
        }
    }
}
