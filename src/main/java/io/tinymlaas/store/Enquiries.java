package io.tinymlaas.store;

import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Questions put to the service and their answers, moved from QUEUED to an end by single conditional updates. */
public final class Enquiries {

    private final Sql sql;

    public Enquiries(Database database) {
        this.sql = database.sql();
    }

    public Enquiry create(String kind, String questionJson, String createdBy) {
        return get(sql.insert("insert into enquiry (kind, question, state, created_by, created_at) values (?, ?, ?, ?, ?)", kind,
                questionJson, Enquiry.QUEUED, createdBy, Instant.now()));
    }

    /** Claims a queued enquiry, or one whose worker died; false when it has ended, so it is never answered twice. */
    public boolean start(long id, String worker) {
        return sql.update("update enquiry set state = ?, worker = ? where id = ? and state in (?, ?)", Enquiry.RUNNING, worker, id,
                Enquiry.QUEUED, Enquiry.RUNNING) == 1;
    }

    public void answer(long id, String answerJson) {
        end(id, Enquiry.ANSWERED, answerJson, null);
    }

    public void fail(long id, String error) {
        end(id, Enquiry.FAILED, null, error);
    }

    private void end(long id, String state, String answer, String error) {
        sql.update("update enquiry set state = ?, answer = ?, error = ?, ended_at = ? where id = ?", state, answer, error, Instant.now(), id);
    }

    public Enquiry get(long id) {
        return sql.one("select id, kind, question, state, answer, error, worker, created_by, created_at, ended_at from enquiry where id = ?",
                Enquiries::enquiry, id).orElseThrow(() -> new NotFoundException("no enquiry with id " + id));
    }

    private static Enquiry enquiry(ResultSet row) throws SQLException {
        return new Enquiry(row.getLong("id"), row.getString("kind"), row.getString("question"), row.getString("state"),
                row.getString("answer"), row.getString("error"), row.getString("worker"), row.getString("created_by"),
                Sql.instant(row, "created_at"), Sql.instant(row, "ended_at"));
    }
}
