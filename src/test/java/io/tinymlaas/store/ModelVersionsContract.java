package io.tinymlaas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.ReportWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ModelVersions promises on any database the registry may run on; each subclass names one. */
abstract class ModelVersionsContract {

    private static final List<Quality> QUALITY = List.of(Quality.atMost("mean error", 0.01, 0.05),
            Quality.report("share within 0.05", 0.97));

    @TempDir
    Path dir;

    private Database database;
    private ModelVersions models;
    private ModelRegistry registry;

    /** A fresh, migrated registry database for one test. */
    abstract Database open(Path folder);

    @BeforeEach
    void openDatabase() {
        database = open(dir.resolve("db"));
        models = new ModelVersions(database);
        registry = new ModelRegistry(dir.resolve("models"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** A hello_world model with its seed, already judged: int8 file and quality in the entry. */
    private RegisteredModel judgedHelloWorld() {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", 3);
        training.put("validation_mse", 0.01);
        return write(new RegisteredModel("hello_world-aaaaaaaaaaaa", "hello_world", "2025-03-01T10:00:00.123Z",
                "/runs/1/hello_world.model.json", "a".repeat(64), new RegisteredModel.DataVersion("sine", "111111111111", "1".repeat(64)),
                7L, training, new RegisteredModel.Int8Model("/runs/1/hello_world.tflite", "c".repeat(64), 2488), QUALITY));
    }

    /** A magic_wand model stored before seeds were recorded, not judged yet. */
    private RegisteredModel unjudgedMagicWand() {
        return write(new RegisteredModel("magic_wand-bbbbbbbbbbbb", "magic_wand", "2025-03-02T09:30:00Z",
                "/runs/2/magic_wand.model.json", "b".repeat(64), new RegisteredModel.DataVersion("magic_wand", "222222222222",
                "2".repeat(64)), null, Map.of("epochs", 40), null, List.of()));
    }

    private RegisteredModel write(RegisteredModel entry) {
        ReportWriter.writeJson(entry, registry.root().resolve(entry.id() + ".json"));
        return entry;
    }

    @Test
    void importingAddsEveryRegistryEntryOnceSoASecondImportAddsNothing() {
        RegisteredModel first = judgedHelloWorld();
        RegisteredModel second = unjudgedMagicWand();

        assertThat(models.importFrom(registry)).isEqualTo(2);
        assertThat(models.importFrom(registry)).isZero();
        assertThat(models.list()).extracting(ModelVersion::id).containsExactly(first.id(), second.id());
    }

    @Test
    void theLineageReadsBackFieldByField() {
        judgedHelloWorld();
        unjudgedMagicWand();
        models.importFrom(registry);

        assertThat(models.get("hello_world-aaaaaaaaaaaa")).isEqualTo(new ModelVersion("hello_world-aaaaaaaaaaaa", "hello_world",
                Instant.parse("2025-03-01T10:00:00.123Z"), "/runs/1/hello_world.model.json", "a".repeat(64), "sine",
                "111111111111", "1".repeat(64), 7L, Map.of("epochs", 3, "validation_mse", 0.01), "/runs/1/hello_world.tflite",
                "c".repeat(64), 2488, QUALITY, true, List.of()));
        assertThat(models.get("magic_wand-bbbbbbbbbbbb")).isEqualTo(new ModelVersion("magic_wand-bbbbbbbbbbbb", "magic_wand",
                Instant.parse("2025-03-02T09:30:00Z"), "/runs/2/magic_wand.model.json", "b".repeat(64), "magic_wand",
                "222222222222", "2".repeat(64), null, Map.of("epochs", 40), null, null, null, List.of(), false, List.of()));
    }

    @Test
    void qualityRecordedInTheFileAfterTheImportUpdatesTheRowOnTheNextImport() {
        RegisteredModel entry = unjudgedMagicWand();
        models.importFrom(registry);
        write(new RegisteredModel(entry.id(), entry.example(), entry.storedAt(), entry.modelFile(), entry.modelSha256(),
                entry.data(), entry.seed(), entry.training(), new RegisteredModel.Int8Model("/runs/2/magic_wand.tflite",
                "d".repeat(64), 19_000), List.of(Quality.atLeast("accuracy", 0.6, 0.9))));

        assertThat(models.importFrom(registry)).isEqualTo(1);
        ModelVersion judged = models.get(entry.id());
        assertThat(judged.int8File()).isEqualTo("/runs/2/magic_wand.tflite");
        assertThat(judged.int8Sha256()).isEqualTo("d".repeat(64));
        assertThat(judged.int8Bytes()).isEqualTo(19_000);
        assertThat(judged.quality()).containsExactly(Quality.atLeast("accuracy", 0.6, 0.9));
        assertThat(judged.qualityPassed()).isFalse();
        assertThat(judged.storedAt()).isEqualTo(Instant.parse(entry.storedAt()));
        assertThat(models.importFrom(registry)).isZero();
    }

    @Test
    void aUniqueStartOfAnIdFindsItsModelAndAnUnknownIdIsNotFound() {
        judgedHelloWorld();
        unjudgedMagicWand();
        models.importFrom(registry);

        assertThat(models.get("magic_").id()).isEqualTo("magic_wand-bbbbbbbbbbbb");
        assertThatThrownBy(() -> models.get("mnist")).isInstanceOf(NotFoundException.class)
                .hasMessage("no model 'mnist' in the registry");
        assertThatThrownBy(() -> models.get("")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void firmwareIsKeptOncePerBoardAndARebuildReplacesThatBoardsBuild() {
        RegisteredModel entry = judgedHelloWorld();
        unjudgedMagicWand();
        models.importFrom(registry);
        FirmwareBuild rebuilt = new FirmwareBuild("mps2-an386", "c".repeat(64), 41_000, 9_000, 123_456L, true,
                Instant.parse("2025-03-03T08:00:00Z"), 12L);
        FirmwareBuild notRun = new FirmwareBuild("nrf52840dk", "c".repeat(64), 40_500, 8_800, null, false,
                Instant.parse("2025-03-02T08:00:00Z"), null);

        models.recordFirmware(entry.id(), new FirmwareBuild("mps2-an386", "e".repeat(64), 50_000, 9_999, 150_000L, false,
                Instant.parse("2025-03-01T08:00:00Z"), 11L));
        models.recordFirmware(entry.id(), notRun);
        models.recordFirmware(entry.id(), rebuilt);

        assertThat(models.get(entry.id()).firmware()).containsExactly(rebuilt, notRun);
        assertThat(models.list()).extracting(ModelVersion::firmware).containsExactly(List.of(rebuilt, notRun), List.of());
    }

    @Test
    void firmwareForAModelNotInTheRegistryIsRefused() {
        assertThatThrownBy(() -> models.recordFirmware("mnist-000000000000", new FirmwareBuild("mps2-an386", "c".repeat(64), 1, 1,
                null, true, Instant.parse("2025-03-01T08:00:00Z"), null)))
                .isInstanceOf(NotFoundException.class).hasMessage("no model 'mnist-000000000000' in the registry");
    }
}
