package io.tinymlaas.store;

import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Bridges, the devices each runs, and what was heard from each. The secret is kept as its SHA-256 only. */
public final class Bridges {

    /** What the service counts per bridge. */
    public enum Count { ACCEPTED, DUPLICATES, MALFORMED, FOREIGN_DEVICE }

    private static final String COLUMNS = "id, name, created_at, last_heard, accepted, duplicates, malformed, foreign_device";

    private final Sql sql;

    public Bridges(Database database) {
        this.sql = database.sql();
    }

    /** Registers a bridge with its secret and gives it the devices, taking each from any bridge that had it before. */
    public BridgeAccount create(String name, String secret, List<Long> deviceIds) {
        long id = sql.insert("insert into bridge (name, secret_sha256, created_at) values (?, ?, ?)", name, hash(secret), Instant.now());
        for (long device : deviceIds) {
            sql.update("delete from bridge_device where device_id = ?", device);
            sql.update("insert into bridge_device (device_id, bridge_id) values (?, ?)", device, id);
        }
        return get(id);
    }

    public BridgeAccount get(long id) {
        return sql.one("select " + COLUMNS + " from bridge where id = ?", this::account, id)
                .orElseThrow(() -> new NotFoundException("no bridge with id " + id));
    }

    public Optional<BridgeAccount> byName(String name) {
        return sql.one("select " + COLUMNS + " from bridge where name = ?", this::account, name);
    }

    public List<BridgeAccount> list() {
        return sql.list("select " + COLUMNS + " from bridge order by id", this::account);
    }

    /** Whether {@code secret} is the named bridge's. */
    public boolean valid(String name, String secret) {
        return sql.one("select secret_sha256 from bridge where name = ?", row -> row.getString(1), name)
                .map(hash(secret)::equals).orElse(false);
    }

    /** The bridge that runs a device, if any does. */
    public Optional<String> bridgeOf(long deviceId) {
        return sql.one("select b.name from bridge b join bridge_device d on d.bridge_id = b.id where d.device_id = ?",
                row -> row.getString(1), deviceId);
    }

    public void count(String name, Count count) {
        String column = count.name().toLowerCase(Locale.ROOT);
        sql.update("update bridge set " + column + " = " + column + " + 1, last_heard = ? where name = ?", Instant.now(), name);
    }

    private BridgeAccount account(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        return new BridgeAccount(id, row.getString("name"),
                sql.list("select device_id from bridge_device where bridge_id = ? order by device_id", r -> r.getLong(1), id),
                Sql.instant(row, "created_at"), Sql.instant(row, "last_heard"), row.getLong("accepted"), row.getLong("duplicates"),
                row.getLong("malformed"), row.getLong("foreign_device"));
    }

    private static String hash(String secret) {
        return Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
