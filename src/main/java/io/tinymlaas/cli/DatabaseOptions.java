package io.tinymlaas.cli;

import io.tinymlaas.app.ServiceFolder;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which registry database a service process opens: the embedded one in the data folder unless a JDBC URL is given. */
final class DatabaseOptions {

    @Mixin
    DatabaseConnection connection;

    @Option(names = "--data-dir", paramLabel = "<dir>",
            description = "where the embedded database and the first token live (default: $XDG_DATA_HOME/tinymlaas or ~/.local/share/tinymlaas)")
    Path dataDirectory;

    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : defaultDataDirectory();
    }

    /** $XDG_DATA_HOME/tinymlaas, or ~/.local/share/tinymlaas. */
    static Path defaultDataDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tinymlaas");
    }

    /** Opens the registry with a job engine; with {@code work} this process also runs pipeline jobs, as {@code workerName}. */
    TinymlService open(Tinyml tinyml, boolean work, String workerName) {
        if (connection.url == null) {
            new ServiceFolder(dataDirectory()).create();
        }
        return TinymlService.open(tinyml, jdbcUrl(), connection.user, connection.password(),
                service -> JobEngine.start(service, work, workerName));
    }

    /** Keeps a service process up until Ctrl-C (or a kill), then stops what it started, newest first. */
    static void runUntilStopped(Runnable stop) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        Thread.currentThread().join();
    }

    String jdbcUrl() {
        return connection.url != null ? connection.url : TinymlService.embeddedDatabase(dataDirectory());
    }
}
