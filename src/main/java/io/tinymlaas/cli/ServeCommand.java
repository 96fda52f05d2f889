package io.tinymlaas.cli;

import io.tinymlaas.app.ServiceFolder;
import io.tinymlaas.app.TelemetryOptions;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.rest.RestServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the service: the REST API (OpenAPI document at /openapi.json) on the registry database (embedded H2 "
                + "in --data-dir unless --db names one), and a job "
                + "worker for pipeline runs. On first start it imports the models and data sets stored so far and prints a "
                + "token for the first operator. Stops on Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--no-worker", description = "only queue pipeline runs; `tinyml worker` processes run them")
    boolean noWorker;

    @Option(names = "--mqtt-port", defaultValue = "0",
            description = "port of the MQTT broker serve starts for the fleet's bridges, on --host (default: a free one)")
    int mqttPort;

    @Option(names = "--mqtt-broker", paramLabel = "<mosquitto|moquette>", description = "the broker serve starts: Debian's "
            + "Mosquitto (its files in <data-dir>/mosquitto) or the embedded Moquette (default: Mosquitto when installed)")
    String mqttBroker;

    @Option(names = "--mqtt", paramLabel = "<url>", description = "an external MQTT broker instead of one serve starts, e.g. "
            + "tcp://127.0.0.1:1883; the service joins it as --mqtt-user with the password in $TINYML_MQTT_PASSWORD")
    String mqtt;

    @Option(names = "--keep-reports-minutes", defaultValue = "1440", description = "how long the fleet's reports are kept in "
            + "the registry, at least 30 (default: ${DEFAULT-VALUE}: a day); older ones are deleted once a minute")
    long keepReportsMinutes;

    @Option(names = "--mqtt-user", defaultValue = "tinyml-service", description = "the service's user on an external broker "
            + "(default: ${DEFAULT-VALUE})")
    String mqttUser;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServiceFolder folder = new ServiceFolder(database.dataDirectory()).create();
        TelemetryOptions telemetry = telemetryOptions(folder).keepingReports(Duration.ofMinutes(keepReportsMinutes));
        TinymlService service = database.open(main.tinyml(), !noWorker, "serve@" + host);
        RestServer server;
        try {
            server = RestServer.start(service, host, port);
        } catch (RuntimeException e) {
            service.close();
            throw new TinymlException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + "; is another server running there? pick another with --port", e);
        }
        try {
            service.startTelemetry(telemetry);
        } catch (RuntimeException e) {
            server.close();
            service.close();
            throw e;
        }
        String url = "http://" + host + ":" + server.port();
        out.printf("TinyMLaaS serving %s (OpenAPI: %s%s)%n", url, url, RestServer.OPENAPI_PATH);
        out.printf("control panel: %s/panel/ (sign in with an API token)%n", url);
        out.printf("dashboard: %s/dashboard/ (the fleet live; any token, a viewer's too)%n", url);
        out.printf("registry: %s database %s; pipeline runs %s%n", service.databaseKind(), database.jdbcUrl(),
                noWorker ? "wait for `tinyml worker` processes" : "run in this process");
        out.printf("fleet: bridges report to the MQTT broker %s (%s)%n", service.brokerUrl(), switch (telemetry.broker()) {
            case MOSQUITTO -> "Mosquitto, its accounts, ACL and log in " + telemetry.folder();
            case MOQUETTE -> "embedded Moquette";
            case EXTERNAL -> "external";
        });
        service.firstOperatorToken().ifPresentOrElse(token -> out.printf("first operator token (shown once, also in %s): %s%n",
                folder.saveFirstToken(token), token),
                () -> out.println("an operator token exists already; the first one is in " + folder.firstTokenFile()));
        out.println("ready; Ctrl-C stops");
        out.flush();
        DatabaseOptions.runUntilStopped(() -> {
            server.close();
            service.close();
        });
        return 0;
    }

    private TelemetryOptions telemetryOptions(ServiceFolder folder) {
        if (mqtt != null) {
            if (mqttBroker != null) {
                throw new TinymlException("--mqtt joins an external broker; --mqtt-broker picks the one serve starts: give one of them");
            }
            return TelemetryOptions.external(mqtt, mqttUser, System.getenv("TINYML_MQTT_PASSWORD"));
        }
        Path brokerFolder = folder.path().resolve("mosquitto");
        if (mqttBroker == null) {
            return TelemetryOptions.startedBroker(host, mqttPort, brokerFolder);
        }
        return switch (mqttBroker) {
            case "mosquitto" -> TelemetryOptions.mosquitto(host, mqttPort, brokerFolder);
            case "moquette" -> TelemetryOptions.moquette(host, mqttPort);
            default -> throw new TinymlException("--mqtt-broker is mosquitto or moquette, not '" + mqttBroker
                    + "' (an external broker: --mqtt <url>)");
        };
    }
}
