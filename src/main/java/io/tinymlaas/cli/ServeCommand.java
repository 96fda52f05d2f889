package io.tinymlaas.cli;

import io.tinymlaas.app.ServiceFolder;
import io.tinymlaas.app.TelemetryOptions;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.rest.RestServer;
import java.io.PrintWriter;
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

    @Option(names = "--mqtt-port", defaultValue = "1883",
            description = "port of the embedded MQTT broker the fleet's bridges report to, on --host (default: ${DEFAULT-VALUE})")
    int mqttPort;

    @Option(names = "--mqtt", paramLabel = "<url>", description = "an external MQTT broker instead of the embedded one, e.g. "
            + "Mosquitto at tcp://127.0.0.1:1883; the service joins it as --mqtt-user with the password in $TINYML_MQTT_PASSWORD")
    String mqtt;

    @Option(names = "--mqtt-user", defaultValue = "tinyml-service", description = "the service's user on an external broker "
            + "(default: ${DEFAULT-VALUE})")
    String mqttUser;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServiceFolder folder = new ServiceFolder(database.dataDirectory()).create();
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
            service.startTelemetry(mqtt == null ? TelemetryOptions.embedded(host, mqttPort)
                    : new TelemetryOptions(mqtt, host, mqttPort, mqttUser, System.getenv("TINYML_MQTT_PASSWORD")));
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
        out.printf("fleet: bridges report to the MQTT broker %s (%s)%n", service.brokerUrl(),
                mqtt == null ? "embedded Moquette" : "external");
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
}
