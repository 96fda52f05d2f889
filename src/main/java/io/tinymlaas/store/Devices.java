package io.tinymlaas.store;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The device table. Tags are kept as one newline-separated column: they are only ever read whole. */
public final class Devices {

    private static final String COLUMNS = "id, name, board, transport, port, location, tags, status, last_seen, firmware_sha256,"
            + " model_id, registered_at, simulated_fault";

    private final Sql sql;

    public Devices(Database database) {
        this.sql = database.sql();
    }

    public Device register(String name, String board, String transport, String port, String location, List<String> tags) {
        sql.one("select id from device where name = ?", row -> row.getLong(1), name).ifPresent(id -> {
            throw new ConflictException("a device named '" + name + "' is already registered (id " + id + ")");
        });
        long id = sql.insert("insert into device (name, board, transport, port, location, tags, status, registered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", name, board, transport, port, location, String.join("\n", tags),
                Device.Status.REGISTERED.name(), Instant.now());
        return get(id);
    }

    public List<Device> list() {
        return sql.list("select " + COLUMNS + " from device order by id", Devices::device);
    }

    public Device get(long id) {
        return sql.one("select " + COLUMNS + " from device where id = ?", Devices::device, id)
                .orElseThrow(() -> new NotFoundException("no device with id " + id));
    }

    public void delete(long id) {
        get(id);
        sql.update("delete from device where id = ?", id);
    }

    /** What a device said when it was last heard from (a HELLO, an update's verification). */
    public Device reported(long id, Device.Status status, String firmwareSha256, String modelId) {
        sql.update("update device set status = ?, firmware_sha256 = ?, model_id = ?, last_seen = ? where id = ?", status.name(),
                firmwareSha256, modelId, Instant.now(), id);
        return get(id);
    }

    public Device status(long id, Device.Status status) {
        sql.update("update device set status = ? where id = ?", status.name(), id);
        return get(id);
    }

    /** Makes an emulated device's next flash show {@code fault}; the flash takes it, so it happens once. */
    public Device simulateFault(long id, String fault) {
        get(id);
        sql.update("update device set simulated_fault = ? where id = ?", fault, id);
        return get(id);
    }

    /** The fault the next flash is to show, cleared as it is taken; empty when none was asked for. */
    public Optional<String> takeFault(long id) {
        Optional<String> fault = Optional.ofNullable(get(id).simulatedFault());
        fault.ifPresent(taken -> sql.update("update device set simulated_fault = null where id = ?", id));
        return fault;
    }

    private static Device device(ResultSet row) throws SQLException {
        String tags = row.getString("tags");
        return new Device(row.getLong("id"), row.getString("name"), row.getString("board"), row.getString("transport"),
                row.getString("port"), row.getString("location"), tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")),
                Device.Status.valueOf(row.getString("status")), Sql.instant(row, "last_seen"), row.getString("firmware_sha256"),
                row.getString("model_id"), Sql.instant(row, "registered_at"), row.getString("simulated_fault"));
    }
}
