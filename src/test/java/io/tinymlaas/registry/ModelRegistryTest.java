package io.tinymlaas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.Quality;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @TempDir
    Path dir;

    private static StoredModel storedModel(Path file, String dataVersion, double validationMse) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochs", 3);
        metrics.put("final_training_loss", 0.25);
        metrics.put("validation_mse", validationMse);
        metrics.put("loss_per_epoch", List.of(0.5, 0.3, 0.25));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("example", "hello_world");
        manifest.put("data", Map.of("name", "sine", "version", dataVersion, "content_sha256", dataVersion + "0".repeat(52),
                "directory", "/nowhere"));
        manifest.put("metrics", metrics);
        manifest.put("network", Map.of("weights", List.of(validationMse)));
        return StoredModel.write(file, manifest);
    }

    @Test
    void aRegisteredModelNamesItsDataVersionAndTrainingFiguresButNotTheLossCurve() {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        StoredModel model = storedModel(dir.resolve("run1/hello_world.model.json"), "aaaaaaaaaaaa", 0.01);
        RegisteredModel entry = registry.register(model);
        assertThat(entry.id()).isEqualTo("hello_world-" + model.sha256().substring(0, 12));
        assertThat(dir.resolve("models").resolve(entry.id() + ".json")).isRegularFile();
        RegisteredModel read = registry.get(entry.id());
        assertThat(read.data()).isEqualTo(new RegisteredModel.DataVersion("sine", "aaaaaaaaaaaa", "aaaaaaaaaaaa" + "0".repeat(52)));
        assertThat(read.modelFile()).isEqualTo(model.file().toString());
        assertThat(read.modelSha256()).isEqualTo(model.sha256());
        assertThat(read.training()).containsEntry("epochs", 3).containsEntry("validation_mse", 0.01)
                .doesNotContainKey("loss_per_epoch");
        assertThat(read.quality()).isEmpty();
        assertThat(read.qualityPassed()).isFalse();
    }

    @Test
    void modelsAreListedOldestFirstAndFoundByAUniqueStartOfTheirId() {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        RegisteredModel first = registry.register(storedModel(dir.resolve("a/m.json"), "aaaaaaaaaaaa", 0.01));
        RegisteredModel second = registry.register(storedModel(dir.resolve("b/m.json"), "bbbbbbbbbbbb", 0.02));
        assertThat(registry.list()).extracting(RegisteredModel::id).containsExactly(first.id(), second.id());
        assertThat(registry.get(second.id().substring(0, 16)).id()).isEqualTo(second.id());
        assertThatThrownBy(() -> registry.get("mnist")).isInstanceOf(TinymlException.class)
                .hasMessageStartingWith("no model 'mnist' in " + dir.resolve("models") + "; known: ");
        assertThatThrownBy(() -> new ModelRegistry(dir.resolve("empty")).get("x"))
                .hasMessage("no model 'x' in " + dir.resolve("empty") + "; none stored yet");
    }

    @Test
    void judgingAddsTheInt8FileAndItsQualityAndKeepsWhatWasRegistered() {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        RegisteredModel entry = registry.register(storedModel(dir.resolve("a/m.json"), "aaaaaaaaaaaa", 0.01));
        byte[] bytes = TfliteWriter.write(SampleModels.tinyDense());
        ConvertedModel int8 = new ConvertedModel(SampleModels.tinyDense(), bytes, dir.resolve("a/m.tflite"), Hashes.sha256(bytes));
        List<Quality> quality = List.of(Quality.atMost("mean error", 0.01, 0.05), Quality.report("share within 0.05", 0.97));

        RegisteredModel judged = registry.recordQuality(entry.id(), int8, quality);

        assertThat(registry.get(entry.id())).isEqualTo(judged);
        assertThat(judged.int8()).isEqualTo(new RegisteredModel.Int8Model(int8.file().toString(), int8.sha256(), bytes.length));
        assertThat(judged.quality()).isEqualTo(quality);
        assertThat(judged.qualityPassed()).isTrue();
        assertThat(judged.data()).isEqualTo(entry.data());
        assertThat(judged.storedAt()).isEqualTo(entry.storedAt());
        RegisteredModel missed = registry.recordQuality(entry.id(), int8, List.of(Quality.atMost("mean error", 0.09, 0.05)));
        assertThat(missed.qualityPassed()).isFalse();
    }
}
