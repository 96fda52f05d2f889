package io.tinymlaas.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same model lineage on PostgreSQL, started from the embedded binaries, each test in a database of its own. Where those
 * binaries cannot start (another platform, a sandbox) the tests are skipped, saying why.
 */
class ModelVersionsOnPostgresTest extends ModelVersionsContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException | RuntimeException e) {
            Assumptions.abort("embedded PostgreSQL cannot start on this machine, so the lineage is checked on H2 only: "
                    + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Database open(Path folder) {
        String name = "lineage_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return Database.open(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }
}
