package io.tinymlaas.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each reporting device's latest health. */
public final class DeviceHealths {

    private static final String COLUMNS = "device_id, last_heartbeat, interval_millis, firmware_sha256, model_hash, trusted,"
            + " inferences, errors, last_error";

    private final Sql sql;

    public DeviceHealths(Database database) {
        this.sql = database.sql();
    }

    public Optional<DeviceHealth> find(long deviceId) {
        return sql.one("select " + COLUMNS + " from device_health where device_id = ?", DeviceHealths::health, deviceId);
    }

    public List<DeviceHealth> list() {
        return sql.list("select " + COLUMNS + " from device_health order by device_id", DeviceHealths::health);
    }

    /** A heartbeat: what the device runs now and whether the service trusts it. */
    public void heartbeat(long deviceId, Instant at, long intervalMillis, String firmwareSha256, String modelHash, boolean trusted,
                          String error) {
        int updated = sql.update("update device_health set last_heartbeat = ?, interval_millis = ?, firmware_sha256 = ?,"
                        + " model_hash = ?, trusted = ?, last_error = coalesce(?, last_error) where device_id = ?", at, intervalMillis,
                firmwareSha256, modelHash, trusted, error, deviceId);
        if (updated == 0) {
            sql.update("insert into device_health (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, 0, 0, ?)", deviceId, at, intervalMillis,
                    firmwareSha256, modelHash, trusted, error);
        }
    }

    /** Adds a telemetry report's inferences and errors. */
    public void inferred(long deviceId, int inferences, int errors, String error) {
        sql.update("update device_health set inferences = inferences + ?, errors = errors + ?, last_error = coalesce(?, last_error)"
                + " where device_id = ?", inferences, errors, error, deviceId);
    }

    private static DeviceHealth health(ResultSet row) throws SQLException {
        return new DeviceHealth(row.getLong("device_id"), Sql.instant(row, "last_heartbeat"), row.getLong("interval_millis"),
                row.getString("firmware_sha256"), row.getString("model_hash"), row.getBoolean("trusted"), row.getLong("inferences"),
                row.getLong("errors"), row.getString("last_error"));
    }
}
