package io.tinymlaas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tinymlaas.core.TinymlException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The registry database, opened and migrated to the newest schema. Embedded H2 in a folder needs nothing installed;
 * PostgreSQL is named by a JDBC URL. Every process of one installation (server, workers) opens the same database.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Sql sql;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.sql = new Sql(dataSource);
    }

    /**
     * The embedded H2 database in {@code folder} (registry.mv.db). AUTO_SERVER lets a worker process on this machine
     * open the same file while the server has it open. WRITE_DELAY=0 writes each commit to the file as it is made: with
     * H2's default delay, a server killed by SIGKILL loses its last half second of commits (such as its claim of a run).
     */
    public static Database embedded(Path folder) {
        return open(h2Url(folder), "tinyml", "");
    }

    public static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("registry") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** The database at a JDBC URL (jdbc:h2:… or jdbc:postgresql://…), migrated before it is returned. */
    public static Database open(String url, String user, String password) {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new TinymlException("database URL '" + url + "' is neither jdbc:h2:… nor jdbc:postgresql://…");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("tinyml-registry");
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/registry").table("registry_schema_history")
                    .load().migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new TinymlException("cannot open the registry database " + url + ": " + rootMessage(e), e);
        }
        return new Database(dataSource);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Sql sql() {
        return sql;
    }

    /** "H2" or "PostgreSQL", for messages and reports. */
    public String kind() {
        return dataSource.getJdbcUrl().startsWith("jdbc:h2:") ? "H2" : "PostgreSQL";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
