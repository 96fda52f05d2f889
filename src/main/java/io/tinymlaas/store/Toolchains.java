package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The toolchain table: what was registered, and the outcome of its latest health check. */
public final class Toolchains {

    private static final String COLUMNS = "id, name, kind, command, version, targets, installed, reason, checked_at";

    private final Sql sql;

    public Toolchains(Database database) {
        this.sql = database.sql();
    }

    /** A new toolchain with its first check's outcome. */
    public Toolchain register(String name, String kind, String command, List<String> targets, Check check) {
        byName(name).ifPresent(existing -> {
            throw new ConflictException("a toolchain named '" + name + "' is already registered (id " + existing.id() + ")");
        });
        long id = sql.insert("insert into toolchain (name, kind, command, version, targets, installed, reason, checked_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", name, kind, command, check.version(), String.join("\n", targets),
                check.installed(), check.reason(), Instant.now());
        return get(id);
    }

    public Toolchain checked(long id, Check check) {
        sql.update("update toolchain set version = ?, installed = ?, reason = ?, checked_at = ? where id = ?", check.version(),
                check.installed(), check.reason(), Instant.now(), id);
        return get(id);
    }

    public List<Toolchain> list() {
        return sql.list("select " + COLUMNS + " from toolchain order by id", Toolchains::toolchain);
    }

    public Toolchain get(long id) {
        return sql.one("select " + COLUMNS + " from toolchain where id = ?", Toolchains::toolchain, id)
                .orElseThrow(() -> new NotFoundException("no toolchain with id " + id));
    }

    public Optional<Toolchain> byName(String name) {
        return sql.one("select " + COLUMNS + " from toolchain where name = ?", Toolchains::toolchain, name);
    }

    /** What a health check found: the version printed, or why the toolchain cannot be used. */
    public record Check(boolean installed, String version, String reason) {
    }

    private static Toolchain toolchain(ResultSet row) throws SQLException {
        String targets = row.getString("targets");
        return new Toolchain(row.getLong("id"), row.getString("name"), row.getString("kind"), row.getString("command"),
                row.getString("version"), targets.isEmpty() ? List.of() : Arrays.asList(targets.split("\n")),
                row.getBoolean("installed"), row.getString("reason"), Sql.instant(row, "checked_at"));
    }
}
