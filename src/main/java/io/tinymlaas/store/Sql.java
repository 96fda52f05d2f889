package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.TinymlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Parameterized statements on the registry (never SQL built from values), with rows mapped by the caller. */
public final class Sql {

    /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an insert, update or delete; returns the rows changed. */
    public int update(String statement, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            bind(prepared, args);
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw failure(statement, e);
        }
    }

    /** Runs an insert into a table with an identity column and returns the id it was given. */
    public long insert(String statement, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement, Statement.RETURN_GENERATED_KEYS)) {
            bind(prepared, args);
            prepared.executeUpdate();
            try (ResultSet keys = prepared.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(statement, e);
        }
    }

    public <T> List<T> list(String query, Row<T> row, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(query)) {
            bind(prepared, args);
            try (ResultSet rows = prepared.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure(query, e);
        }
    }

    public <T> Optional<T> one(String query, Row<T> row, Object... args) {
        return list(query, row, args).stream().findFirst();
    }

    /** A timestamp column as an instant; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * A time stamp as the registry's files write it (ISO-8601, e.g. 2025-01-31T12:00:00Z).
     *
     * @param what whose time stamp, for the message ("the registry entry hello_world-0a1b2c")
     */
    static Instant instant(String text, String what) {
        try {
            return Instant.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            throw new TinymlException(what + " says it was stored at '" + text + "', not at an instant such as 2025-01-31T12:00:00Z",
                    e);
        }
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement prepared, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object value = args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i];
            prepared.setObject(i + 1, value);
        }
    }

    private static TinymlException failure(String statement, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new ConflictException("already registered: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return new TinymlException("registry database: " + e.getMessage().lines().findFirst().orElse(e.toString())
                + " (in: " + statement.strip().lines().findFirst().orElse("") + ")", e);
    }
}
