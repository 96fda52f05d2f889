package io.tinymlaas.store;

import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Board matrices and their cells. */
public final class Matrices {

    private final Sql sql;

    public Matrices(Database database) {
        this.sql = database.sql();
    }

    public long create(String example, String dataVersion, Long seed, String createdBy) {
        return sql.insert("insert into matrix (example, data_version, seed, created_by, created_at) values (?, ?, ?, ?, ?)", example,
                dataVersion, seed, createdBy, Instant.now());
    }

    public void cell(long matrixId, int position, Matrix.Cell cell) {
        sql.update("insert into matrix_cell (matrix_id, position, target, run_id, cannot_run) values (?, ?, ?, ?, ?)", matrixId,
                position, cell.target(), cell.runId(), cell.cannotRun());
    }

    public Matrix get(long id) {
        return sql.one("select id, example, data_version, seed, created_by, created_at from matrix where id = ?", this::matrix, id)
                .orElseThrow(() -> new NotFoundException("no matrix with id " + id));
    }

    private Matrix matrix(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        List<Matrix.Cell> cells = sql.list("select target, run_id, cannot_run from matrix_cell where matrix_id = ? order by position",
                cell -> new Matrix.Cell(cell.getString("target"), Sql.nullableLong(cell, "run_id"), cell.getString("cannot_run")), id);
        return new Matrix(id, row.getString("example"), row.getString("data_version"), Sql.nullableLong(row, "seed"),
                row.getString("created_by"), Sql.instant(row, "created_at"), cells);
    }
}
