package io.tinymlaas.steps.service;

import io.cucumber.java.BeforeAll;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import io.tinymlaas.rest.RestServer;
import java.nio.file.Path;

/**
 * One real service per test run, as `bin/tinyml serve` starts it: the REST API on a free port, an embedded H2 registry
 * in a fresh folder, and a job worker in this JVM. Every service scenario talks to it over HTTP only.
 */
public final class RunningService {

    private static RunningService instance;

    public final String baseUrl;
    public final String operatorToken;
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

    public static synchronized RunningService get() {
        if (instance == null) {
            Tinyml engine = Tinyml.forThisProject();
            Path data = engine.layout().output().resolve("service-it").resolve(String.valueOf(System.currentTimeMillis()));
            TinymlService service = TinymlService.open(engine, TinymlService.embeddedDatabase(data), "tinyml", "",
                    opened -> JobEngine.start(opened, true, "acceptance-worker"));
            RestServer server = RestServer.start(service, "127.0.0.1", 0);
            String token = service.firstOperatorToken().orElseThrow();
            Runnable stop = () -> {
                server.close();
                service.close();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(stop));
            instance = new RunningService("http://127.0.0.1:" + server.port(), token, stop);
        }
        return instance;
    }
}
