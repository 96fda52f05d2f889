package io.tinymlaas.registry;

import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.Lookup;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The models stored by the pipeline, one {@code <id>.json} per model in a folder: which data version each was
 * trained on and how good it is. The entry points at the {@link StoredModel} file, which keeps the weights; the
 * id is the example and the start of that file's SHA-256, so it names the exact model.
 */
public final class ModelRegistry {

    private final Path root;

    public ModelRegistry(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Registers a model stored by {@link Lifecycle#store()}: example, data version and metrics come from its manifest. */
    public RegisteredModel register(StoredModel model) {
        Map<String, Object> manifest = model.manifest();
        Map<?, ?> data = (Map<?, ?>) manifest.get("data");
        Map<String, Object> training = new LinkedHashMap<>();
        ((Map<?, ?>) manifest.get("metrics")).forEach((key, value) -> {
            // the loss curve stays in the model file; the registry keeps the figures one compares models by
            if (!"loss_per_epoch".equals(key)) {
                training.put(key.toString(), value);
            }
        });
        String example = manifest.get("example").toString();
        RegisteredModel entry = new RegisteredModel(example + "-" + model.sha256().substring(0, 12), example,
                stamp().toString(), model.file().toString(), model.sha256(),
                new RegisteredModel.DataVersion(String.valueOf(data.get("name")), String.valueOf(data.get("version")),
                        String.valueOf(data.get("content_sha256"))), seed(manifest), training, null, List.of());
        ReportWriter.writeJson(entry, file(entry.id()));
        return entry;
    }

    /**
     * Now, to the millisecond, but after every model already stored: two registered within one millisecond keep the
     * order they came in, which {@link #list()} shows.
     */
    private Instant stamp() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant newest = list().stream().map(m -> Instant.parse(m.storedAt())).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return now.isAfter(newest) ? now : newest.plusMillis(1);
    }

    private static Long seed(Map<String, Object> manifest) {
        return manifest.get("seed") instanceof Number seed ? seed.longValue() : null;
    }

    /** Adds the int8 model and its quality, as judged by the reference interpreter, to a registered model. */
    public RegisteredModel recordQuality(String id, ConvertedModel int8, List<Quality> quality) {
        RegisteredModel old = get(id);
        RegisteredModel entry = new RegisteredModel(old.id(), old.example(), old.storedAt(), old.modelFile(), old.modelSha256(),
                old.data(), old.seed(), old.training(), new RegisteredModel.Int8Model(int8.file().toString(), int8.sha256(), int8.bytes().length),
                List.copyOf(quality));
        ReportWriter.writeJson(entry, file(id));
        return entry;
    }

    /** Every registered model, oldest first. */
    public List<RegisteredModel> list() {
        return ids().stream().map(this::read).sorted(Comparator.comparing(m -> Instant.parse(m.storedAt()))).toList();
    }

    /** The model with this id, or with the one id that starts with it. */
    public RegisteredModel get(String id) {
        return read(Lookup.unique(id, ids(), "model", "in " + root));
    }

    private List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list the model registry " + root + ": " + IoFailure.reason(e), e);
        }
    }

    private RegisteredModel read(String id) {
        try {
            return ReportWriter.JSON.readValue(file(id).toFile(), RegisteredModel.class);
        } catch (IOException e) {
            throw new TinymlException("cannot read the registry entry " + file(id) + ": " + IoFailure.reason(e), e);
        }
    }

    private Path file(String id) {
        return root.resolve(id + ".json");
    }
}
