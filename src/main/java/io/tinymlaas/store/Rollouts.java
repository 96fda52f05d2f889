package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Rollouts and what each did to each device. A rollout is written whole when it is queued (every device PENDING, in
 * the order it will be updated) and then moved by single conditional updates, so the worker that runs it, or the one
 * that takes over after it died, carries on where it stopped.
 */
public final class Rollouts {

    private static final String COLUMNS = "id, model_id, group_size, error_threshold, status, detail, created_by, created_at, ended_at";

    private final Sql sql;

    public Rollouts(Database database) {
        this.sql = database.sql();
    }

    /** Queues a rollout of the model to the devices, in this order, in groups of {@code groupSize}. */
    public Rollout create(String modelId, List<Device> devices, int groupSize, double errorThreshold, String createdBy) {
        long id = sql.insert("insert into rollout (model_id, group_size, error_threshold, status, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", modelId, groupSize, errorThreshold, Rollout.QUEUED, createdBy, Instant.now());
        for (int position = 0; position < devices.size(); position++) {
            Device device = devices.get(position);
            sql.update("insert into rollout_device (rollout_id, device_id, device_name, group_number, status, detail, seconds, position)"
                    + " values (?, ?, ?, ?, ?, ?, 0, ?)", id, device.id(), device.name(), position / groupSize + 1,
                    Rollout.DeviceUpdate.PENDING, "", position);
        }
        return get(id);
    }

    /** Claims a queued rollout, or one whose worker died; false when it has ended, so it never runs twice. */
    public boolean start(long rolloutId) {
        return sql.update("update rollout set status = ? where id = ? and status in (?, ?)", Rollout.RUNNING, rolloutId,
                Rollout.QUEUED, Rollout.RUNNING) == 1;
    }

    /** What the rollout did to one device. */
    public void device(long rolloutId, Rollout.DeviceUpdate update) {
        sql.update("update rollout_device set status = ?, detail = ?, seconds = ? where rollout_id = ? and device_id = ?",
                update.status(), update.detail(), update.seconds(), rolloutId, update.deviceId());
    }

    /** Marks every device not tried yet as SKIPPED, saying why. */
    public void skipPending(long rolloutId, String why) {
        sql.update("update rollout_device set status = ?, detail = ? where rollout_id = ? and status = ?",
                Rollout.DeviceUpdate.SKIPPED, why, rolloutId, Rollout.DeviceUpdate.PENDING);
    }

    /**
     * Cancels a rollout that has not ended: a queued one at once (its devices SKIPPED), a running one as CANCELLING, which
     * its worker ends before the next device, so no flash is cut off halfway.
     */
    public Rollout cancel(long rolloutId, String by) {
        Rollout rollout = get(rolloutId);
        if (sql.update("update rollout set status = ?, detail = ?, ended_at = ? where id = ? and status = ?", Rollout.CANCELLED,
                "cancelled by " + by + " before it started", Instant.now(), rolloutId, Rollout.QUEUED) == 1) {
            skipPending(rolloutId, "not tried: the rollout was cancelled by " + by);
        } else if (sql.update("update rollout set status = ?, detail = ? where id = ? and status = ?", Rollout.CANCELLING,
                "cancelled by " + by, rolloutId, Rollout.RUNNING) != 1
                && !get(rolloutId).status().equals(Rollout.CANCELLING)) {
            throw new ConflictException("rollout " + rolloutId + " has already ended: " + get(rolloutId).status()
                    + (rollout.detail() == null ? "" : " (" + rollout.detail() + ")"));
        }
        return get(rolloutId);
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
                + " from rollout_device where rollout_id = ? order by position", device -> new Rollout.DeviceUpdate(
                device.getLong("device_id"), device.getString("device_name"), device.getInt("group_number"), device.getString("status"),
                device.getString("detail"), device.getDouble("seconds")), id);
        return new Rollout(id, row.getString("model_id"), row.getInt("group_size"), row.getDouble("error_threshold"),
                row.getString("status"), row.getString("detail"), row.getString("created_by"), Sql.instant(row, "created_at"),
                Sql.instant(row, "ended_at"), devices);
    }
}
