package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The pipeline table: what operators composed, by name. */
public final class Pipelines {

    private static final String COLUMNS = "id, name, example, target, last_stage, data_version, seed, created_by, created_at";

    private final Sql sql;

    public Pipelines(Database database) {
        this.sql = database.sql();
    }

    public Pipeline create(String name, String example, String target, String lastStage, String dataVersion, Long seed,
                           String createdBy) {
        sql.one("select id from pipeline where name = ?", row -> row.getLong(1), name).ifPresent(id -> {
            throw new ConflictException("a pipeline named '" + name + "' already exists (id " + id + ")");
        });
        long id = sql.insert("insert into pipeline (name, example, target, last_stage, data_version, seed, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", name, example, target, lastStage, dataVersion, seed, createdBy, Instant.now());
        return get(id);
    }

    public List<Pipeline> list() {
        return sql.list("select " + COLUMNS + " from pipeline order by id", Pipelines::pipeline);
    }

    public Pipeline get(long id) {
        return sql.one("select " + COLUMNS + " from pipeline where id = ?", Pipelines::pipeline, id)
                .orElseThrow(() -> new NotFoundException("no pipeline with id " + id));
    }

    private static Pipeline pipeline(ResultSet row) throws SQLException {
        return new Pipeline(row.getLong("id"), row.getString("name"), row.getString("example"), row.getString("target"),
                row.getString("last_stage"), row.getString("data_version"), Sql.nullableLong(row, "seed"),
                row.getString("created_by"), Sql.instant(row, "created_at"));
    }
}
