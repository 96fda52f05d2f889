package io.tinymlaas.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.Quality;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model and firmware tables: every model's lineage, from the data version it was trained on to the firmware built
 * from it for each board. Models enter from the file registry ({@link ModelRegistry}), which stays the pipeline's record.
 */
public final class ModelVersions {

    private static final String COLUMNS = "id, example, stored_at, model_file, model_sha256, data_name, data_version, data_sha256,"
            + " seed, training_json, int8_file, int8_sha256, int8_bytes, quality_json, quality_passed";
    private static final String FIRMWARE_COLUMNS = "tflite_sha256, flash_bytes, ram_bytes, instructions, bit_identical, built_at,"
            + " run_id, model_id, board";
    private static final TypeReference<LinkedHashMap<String, Object>> TRAINING = new TypeReference<>() { };
    private static final TypeReference<List<Quality>> QUALITY = new TypeReference<>() { };

    private final Sql sql;

    public ModelVersions(Database database) {
        this.sql = database.sql();
    }

    /**
     * Adds every registry entry the table does not hold yet, and brings in the int8 model and quality of an entry judged
     * since it was imported; an entry imported as it is now is left alone, so importing twice changes nothing.
     *
     * @return how many models were added or changed
     */
    public int importFrom(ModelRegistry registry) {
        Map<String, Judgement> stored = sql.list("select id, int8_file, int8_sha256, int8_bytes, quality_json from model",
                row -> Map.entry(row.getString("id"), new Judgement(row.getString("int8_file"), row.getString("int8_sha256"),
                        row.getObject("int8_bytes", Integer.class), row.getString("quality_json"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int changed = 0;
        for (RegisteredModel entry : registry.list()) {
            Judgement judged = Judgement.of(entry);
            Judgement known = stored.get(entry.id());
            if (known == null) {
                insert(entry, judged);
                changed++;
            } else if (!known.equals(judged)) {
                sql.update("update model set int8_file = ?, int8_sha256 = ?, int8_bytes = ?, quality_json = ?, quality_passed = ?"
                        + " where id = ?", judged.int8File(), judged.int8Sha256(), judged.int8Bytes(), judged.qualityJson(),
                        entry.qualityPassed(), entry.id());
                changed++;
            }
        }
        return changed;
    }

    private void insert(RegisteredModel entry, Judgement judged) {
        Instant storedAt = Sql.instant(entry.storedAt(), "the registry entry " + entry.id());
        sql.update("insert into model (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.id(),
                entry.example(), storedAt, entry.modelFile(), entry.modelSha256(), entry.data().name(), entry.data().version(),
                entry.data().contentSha256(), entry.seed(), JsonColumn.write(entry.training()),
                judged.int8File(), judged.int8Sha256(), judged.int8Bytes(), judged.qualityJson(), entry.qualityPassed());
    }

    /**
     * Registers a model that was not trained here, from its int8 .tflite file (kept at {@code file}): no data set or
     * training in its lineage, and no quality judged.
     */
    public ModelVersion registerFile(String id, String file, String sha256, int bytes) {
        sql.one("select id from model where id = ?", row -> row.getString(1), id).ifPresent(existing -> {
            throw new ConflictException("a model with id '" + id + "' is already registered");
        });
        sql.update("insert into model (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, "imported",
                Instant.now(), file, sha256, null, null, null, null, "{}", file, sha256, bytes, "[]", false);
        return get(id);
    }

    /** Every model, oldest first. */
    public List<ModelVersion> list() {
        Map<String, List<FirmwareBuild>> firmware = firmware("");
        return sql.list("select " + COLUMNS + " from model order by stored_at, id",
                row -> model(row, firmware.getOrDefault(row.getString("id"), List.of())));
    }

    /** The model with this id, or with the one id that starts with it. */
    public ModelVersion get(String id) {
        String found = resolve(id);
        Map<String, List<FirmwareBuild>> firmware = firmware(" where model_id = ?", found);
        return sql.one("select " + COLUMNS + " from model where id = ?", row -> model(row, firmware.getOrDefault(found, List.of())),
                found).orElseThrow(() -> notFound(id));
    }

    /** Records firmware built from a model (named as {@link #get} takes it) for a board; it replaces that board's last build. */
    public void recordFirmware(String modelId, FirmwareBuild build) {
        Object[] values = {build.tfliteSha256(), build.flashBytes(), build.ramBytes(), build.instructions(), build.bitIdentical(),
                build.builtAt(), build.runId(), resolve(modelId), build.board()};
        String update = "update firmware set tflite_sha256 = ?, flash_bytes = ?, ram_bytes = ?, instructions = ?,"
                + " bit_identical = ?, built_at = ?, run_id = ? where model_id = ? and board = ?";
        if (sql.update(update, values) == 0) {
            try {
                sql.update("insert into firmware (" + FIRMWARE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
            } catch (ConflictException raced) {
                // another worker recorded this board since the update found nothing: this build replaces that one
                sql.update(update, values);
            }
        }
    }

    private String resolve(String given) {
        List<String> matches = given.isEmpty() ? List.of()
                : sql.list("select id from model where left(id, ?) = ? order by id", row -> row.getString(1), given.length(), given);
        if (matches.contains(given)) {
            return given;
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw notFound(given);
        }
        throw new TinymlException("model '" + given + "' is ambiguous in the registry: it starts " + String.join(", ", matches)
                + "; give more characters");
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no model '" + id + "' in the registry");
    }

    /** The firmware of the models the condition selects, by model id, each model's builds by board. */
    private Map<String, List<FirmwareBuild>> firmware(String where, Object... args) {
        return sql.list("select " + FIRMWARE_COLUMNS + " from firmware" + where + " order by model_id, board",
                        row -> Map.entry(row.getString("model_id"), firmwareBuild(row)), args)
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static FirmwareBuild firmwareBuild(ResultSet row) throws SQLException {
        return new FirmwareBuild(row.getString("board"), row.getString("tflite_sha256"), row.getLong("flash_bytes"),
                row.getLong("ram_bytes"), Sql.nullableLong(row, "instructions"), row.getBoolean("bit_identical"),
                Sql.instant(row, "built_at"), Sql.nullableLong(row, "run_id"));
    }

    private static ModelVersion model(ResultSet row, List<FirmwareBuild> firmware) throws SQLException {
        String id = row.getString("id");
        return new ModelVersion(id, row.getString("example"), Sql.instant(row, "stored_at"), row.getString("model_file"),
                row.getString("model_sha256"), row.getString("data_name"), row.getString("data_version"),
                row.getString("data_sha256"), Sql.nullableLong(row, "seed"),
                JsonColumn.read(row.getString("training_json"), TRAINING, "training figures of model " + id),
                row.getString("int8_file"), row.getString("int8_sha256"), row.getObject("int8_bytes", Integer.class),
                JsonColumn.read(row.getString("quality_json"), QUALITY, "quality of model " + id), row.getBoolean("quality_passed"),
                firmware);
    }

    /** What judging a model adds to its entry: the int8 file and the quality list, as the table keeps them. */
    private record Judgement(String int8File, String int8Sha256, Integer int8Bytes, String qualityJson) {

        static Judgement of(RegisteredModel entry) {
            RegisteredModel.Int8Model int8 = entry.int8();
            return int8 == null ? new Judgement(null, null, null, JsonColumn.write(entry.quality()))
                    : new Judgement(int8.file(), int8.sha256(), int8.bytes(), JsonColumn.write(entry.quality()));
        }
    }
}
