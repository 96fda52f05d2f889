package io.tinymlaas.store;

import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Rollouts and what each did to each device. */
public final class Rollouts {

    private static final String COLUMNS = "id, model_id, group_size, error_threshold, status, detail, created_by, created_at, ended_at";

    private final Sql sql;

    public Rollouts(Database database) {
        this.sql = database.sql();
    }

    public Rollout create(String modelId, int groupSize, double errorThreshold, String createdBy) {
        long id = sql.insert("insert into rollout (model_id, group_size, error_threshold, status, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", modelId, groupSize, errorThreshold, "RUNNING", createdBy, Instant.now());
        return get(id);
    }

    public void device(long rolloutId, Rollout.DeviceUpdate update) {
        sql.update("insert into rollout_device (rollout_id, device_id, device_name, group_number, status, detail, seconds)"
                + " values (?, ?, ?, ?, ?, ?, ?)", rolloutId, update.deviceId(), update.deviceName(), update.group(), update.status(),
                update.detail(), update.seconds());
    }

    public Rollout finish(long rolloutId, String status, String detail) {
        sql.update("update rollout set status = ?, detail = ?, ended_at = ? where id = ?", status, detail, Instant.now(), rolloutId);
        return get(rolloutId);
    }

    public Rollout get(long id) {
        return sql.one("select " + COLUMNS + " from rollout where id = ?", this::rollout, id)
                .orElseThrow(() -> new NotFoundException("no rollout with id " + id));
    }

    public List<Rollout> list() {
        return sql.list("select " + COLUMNS + " from rollout order by id", this::rollout);
    }

    private Rollout rollout(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        List<Rollout.DeviceUpdate> devices = sql.list("select device_id, device_name, group_number, status, detail, seconds"
                + " from rollout_device where rollout_id = ? order by group_number, device_id", device -> new Rollout.DeviceUpdate(
                device.getLong("device_id"), device.getString("device_name"), device.getInt("group_number"), device.getString("status"),
                device.getString("detail"), device.getDouble("seconds")), id);
        return new Rollout(id, row.getString("model_id"), row.getInt("group_size"), row.getDouble("error_threshold"),
                row.getString("status"), row.getString("detail"), row.getString("created_by"), Sql.instant(row, "created_at"),
                Sql.instant(row, "ended_at"), devices);
    }
}
