package io.tinymlaas.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.QualityReport;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;

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
        return new ModelView(model, FileState.of(model.modelFile(), model.modelSha256()),
                model.int8() == null ? null : FileState.of(model.int8().file(), model.int8().sha256()), json(model));
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
