package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The reports heard from devices, once each, for as long as the service keeps them: a device's sequence number is the key,
 * so a message heard twice is noticed.
 */
public final class FleetReports {

    /** A board's telemetry over a span: inferences and errors, and the latency at the board's clock. */
    public record BoardFigures(String board, long inferences, long errors, Double meanLatencyMicros, Double maxLatencyMicros,
                               Double meanInstructions) {
    }

    /** When a report was sent and when the service heard it. */
    public record Timing(Instant sentAt, Instant receivedAt) {
    }

    private final Sql sql;

    public FleetReports(Database database) {
        this.sql = database.sql();
    }

    /** Stores a report; false when this device's report of this sequence number was stored before. */
    public boolean add(long deviceId, long seq, String kind, Instant sentAt, Instant receivedAt, int inferences, int errors,
                       Long instructions, Double latencyMicros) {
        try {
            sql.update("insert into fleet_report (device_id, seq, kind, sent_at, received_at, inferences, errors, instructions,"
                            + " latency_micros) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", deviceId, seq, kind, sentAt, receivedAt, inferences,
                    errors, instructions, latencyMicros);
            return true;
        } catch (ConflictException duplicate) {
            return false;
        }
    }

    /**
     * Deletes the reports heard before {@code before}; returns how many. A report heard again after its row is gone would be
     * stored again, but QoS 1 resends within seconds, not after a retention of tens of minutes.
     */
    public int prune(Instant before) {
        return sql.update("delete from fleet_report where received_at < ?", before);
    }

    public List<BoardFigures> perBoard(Instant since) {
        return sql.list("select d.board, sum(r.inferences), sum(r.errors), avg(r.latency_micros), max(r.latency_micros),"
                        + " avg(cast(r.instructions as double precision)) from fleet_report r join device d on d.id = r.device_id"
                        + " where r.received_at >= ? and r.kind = 'telemetry' group by d.board order by d.board",
                row -> new BoardFigures(row.getString(1), row.getLong(2), row.getLong(3), nullableDouble(row, 4), nullableDouble(row, 5),
                        nullableDouble(row, 6)), since);
    }

    /** When a report counted errors, and how many. */
    public record Errors(Instant at, int count) {
    }

    /** Every report since {@code since} that counted errors. */
    public List<Errors> errors(Instant since) {
        return sql.list("select received_at, errors from fleet_report where received_at >= ? and errors > 0 order by received_at",
                row -> new Errors(Sql.instant(row, "received_at"), row.getInt("errors")), since);
    }

    /** How many reports were stored since {@code since}. */
    public long count(Instant since) {
        return sql.one("select count(*) from fleet_report where received_at >= ?", row -> row.getLong(1), since).orElse(0L);
    }

    public List<Timing> timings(Instant since) {
        return sql.list("select sent_at, received_at from fleet_report where received_at >= ?",
                row -> new Timing(Sql.instant(row, "sent_at"), Sql.instant(row, "received_at")), since);
    }

    private static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
