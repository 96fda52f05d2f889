package io.tinymlaas.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alerts about devices: at most one open per device and kind. */
public final class FleetAlerts {

    private final Sql sql;

    public FleetAlerts(Database database) {
        this.sql = database.sql();
    }

    /** Raises an alert unless one of this kind is open for the device; returns the new one. */
    public Optional<FleetAlert> raise(long deviceId, String kind, String message) {
        boolean open = sql.one("select count(*) from fleet_alert where device_id = ? and kind = ? and cleared_at is null",
                row -> row.getLong(1), deviceId, kind).orElse(0L) > 0;
        if (open) {
            return Optional.empty();
        }
        long id = sql.insert("insert into fleet_alert (device_id, kind, message, raised_at) values (?, ?, ?, ?)", deviceId, kind,
                message, Instant.now());
        return sql.one(select() + " where a.id = ?", FleetAlerts::alert, id);
    }

    /** Closes the device's open alert of this kind, if any; true when one was open. */
    public boolean clear(long deviceId, String kind) {
        return sql.update("update fleet_alert set cleared_at = ? where device_id = ? and kind = ? and cleared_at is null",
                Instant.now(), deviceId, kind) > 0;
    }

    /** The open alerts first, newest first, then the latest cleared ones; at most {@code limit}. */
    public List<FleetAlert> recent(int limit) {
        return sql.list(select() + " order by case when a.cleared_at is null then 0 else 1 end, a.raised_at desc, a.id desc"
                + " fetch first " + limit + " rows only", FleetAlerts::alert);
    }

    /** When each alert since {@code since} was raised, and its kind: the failures over time. */
    public List<FleetAlert> since(Instant since) {
        return sql.list(select() + " where a.raised_at >= ? order by a.raised_at", FleetAlerts::alert, since);
    }

    private static String select() {
        return "select a.id, a.device_id, d.name, a.kind, a.message, a.raised_at, a.cleared_at from fleet_alert a"
                + " join device d on d.id = a.device_id";
    }

    private static FleetAlert alert(ResultSet row) throws SQLException {
        return new FleetAlert(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                Sql.instant(row, "raised_at"), Sql.instant(row, "cleared_at"));
    }
}
