package io.tinymlaas.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.QualityReport;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.tflite.ModelMetadata;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The registered models of one registry, as the doors see them: the list, one model shown, the quality report. */
public final class Models {

    private final ModelRegistry registry;

    Models(ModelRegistry registry) {
        this.registry = registry;
    }

    public Path root() {
        return registry.root();
    }

    /** Every registered model, oldest first. */
    public List<RegisteredModel> list() {
        return registry.list();
    }

    /** One model (its id or a unique start of it), whether its files are still as registered, and its entry as JSON. */
    public ModelView show(String id) {
        RegisteredModel model = registry.get(id);
        FileState int8 = model.int8() == null ? null : FileState.of(model.int8().file(), model.int8().sha256());
        return new ModelView(model, FileState.of(model.modelFile(), model.modelSha256()), int8,
                int8 != null && int8.state() == FileState.State.UNCHANGED ? describe(Path.of(model.int8().file())) : null, json(model));
    }

    /** What a .tflite file says about itself (its metadata) and the quantization of its input and output. */
    public static ModelInterface describe(Path tflite) {
        TfliteFile file = TfliteFile.read(tflite);
        Optional<ModelMetadata> metadata = file.metadata();
        ModelMetadata m = metadata.orElse(new ModelMetadata("", "", "", "", "", new ModelMetadata.Input("", ModelMetadata.Content.FEATURES,
                0f, 0f), List.of()));
        String normalization = m.input().std() == 0 ? "" : String.format(Locale.ROOT, "real = (raw - %s) / %s",
                m.input().mean(), m.input().std());
        String meaning = m.input().description().isEmpty() ? "" : m.input().description() + " ("
                + (m.input().content() == ModelMetadata.Content.GRAYSCALE_IMAGE ? "grayscale image" : "features") + ")";
        return new ModelInterface(tflite.toString(), metadata.isPresent(), m.name(), m.version(), m.description(), m.author(),
                m.license(), m.labels(), file.model().inputTensors().stream().map(Models::tensor).toList(), meaning, normalization,
                file.model().outputTensors().stream().map(Models::tensor).toList());
    }

    private static ModelInterface.Tensor tensor(Tensor tensor) {
        boolean quantized = tensor.type() != TensorType.FLOAT32 && tensor.quantization() != null;
        return new ModelInterface.Tensor(tensor.name(), Arrays.stream(tensor.shape()).boxed().toList(),
                tensor.type().name().toLowerCase(Locale.ROOT), quantized ? tensor.quantization().scale() : null,
                quantized ? tensor.quantization().zeroPoint() : null);
    }

    /** Each example's newest judged model, by example name. */
    public List<RegisteredModel> newestJudged() {
        return QualityReport.newestJudged(registry.list());
    }

    /** The Markdown table of {@link #newestJudged}, also written to {@code file} unless that is null. */
    public QualityTable report(Path file) {
        List<RegisteredModel> judged = newestJudged();
        QualityTable table = new QualityTable(judged, QualityReport.markdown(judged));
        if (file != null) {
            ReportWriter.writeText(table.markdown(), file);
        }
        return table;
    }

    private static String json(RegisteredModel model) {
        try {
            return ReportWriter.JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            // a registry entry is records of strings and numbers that were read from JSON: it always writes
            throw new IllegalStateException("cannot write registry entry " + model.id() + " as JSON", e);
        }
    }
}
