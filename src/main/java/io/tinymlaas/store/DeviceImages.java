package io.tinymlaas.store;

import java.time.Instant;
import java.util.Optional;

/** The flash of emulated devices: the image each runs and the one it ran before. */
public final class DeviceImages {

    private static final String COLUMNS = "device_id, slot, model_id, model_hash, sha256, input_bytes, text_bytes, data_bytes,"
            + " bss_bytes, image, flashed_at";

    private final Sql sql;

    public DeviceImages(Database database) {
        this.sql = database.sql();
    }

    public Optional<DeviceImage> find(long deviceId, String slot) {
        return sql.one("select " + COLUMNS + " from device_image where device_id = ? and slot = ?",
                row -> new DeviceImage(row.getLong("device_id"), row.getString("slot"), row.getString("model_id"),
                        row.getString("model_hash"), row.getString("sha256"), row.getInt("input_bytes"), row.getLong("text_bytes"),
                        row.getLong("data_bytes"), row.getLong("bss_bytes"), row.getBytes("image"), Sql.instant(row, "flashed_at")),
                deviceId, slot);
    }

    /** Flashes a new image: the running one becomes the previous one, kept for a rollback. */
    public void flash(DeviceImage image) {
        boolean running = sql.one("select count(*) from device_image where device_id = ? and slot = ?", row -> row.getLong(1),
                image.deviceId(), DeviceImage.ACTIVE).orElse(0L) > 0;
        if (running) {
            sql.update("delete from device_image where device_id = ? and slot = ?", image.deviceId(), DeviceImage.PREVIOUS);
            sql.update("update device_image set slot = ? where device_id = ? and slot = ?", DeviceImage.PREVIOUS, image.deviceId(),
                    DeviceImage.ACTIVE);
        }
        insert(image, DeviceImage.ACTIVE);
    }

    /** Flashes the previous image back; it is the running one again and no older one is kept. */
    public void rollBack(long deviceId) {
        sql.update("delete from device_image where device_id = ? and slot = ?", deviceId, DeviceImage.ACTIVE);
        sql.update("update device_image set slot = ?, flashed_at = ? where device_id = ? and slot = ?", DeviceImage.ACTIVE,
                Instant.now(), deviceId, DeviceImage.PREVIOUS);
    }

    private void insert(DeviceImage image, String slot) {
        sql.update("insert into device_image (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", image.deviceId(), slot,
                image.modelId(), image.modelHash(), image.sha256(), image.inputBytes(), image.textBytes(), image.dataBytes(),
                image.bssBytes(), image.image(), Instant.now());
    }
}
