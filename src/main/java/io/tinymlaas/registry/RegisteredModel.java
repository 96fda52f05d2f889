package io.tinymlaas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tinymlaas.report.Quality;
import java.util.List;
import java.util.Map;

/**
 * A model registry entry (snake_case JSON): the stored float model, the exact data version it was trained on,
 * its training figures and, once the int8 model has been judged by the reference interpreter, that file and
 * its quality on the test split.
 *
 * @param seed     the training seed: with the same data version and recipe it trains the same model again; null in
 *                 entries stored before it was recorded
 * @param training the stored model's training metrics (epochs, final training loss, validation figures)
 * @param int8     the converted model the quality belongs to; null until judged
 * @param quality  the int8 model's quality goals and figures; empty until judged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredModel(String id, String example, String storedAt, String modelFile, String modelSha256,
                              DataVersion data, Long seed, Map<String, Object> training, Int8Model int8, List<Quality> quality) {

    /** Which data set version a model was trained on. */
    public record DataVersion(String name, String version, String contentSha256) {
    }

    /** The int8 .tflite file converted from the model. */
    public record Int8Model(String file, String sha256, int bytes) {
    }

    /** Whether every quality goal held; false while the model has not been judged. */
    public boolean qualityPassed() {
        return !quality.isEmpty() && quality.stream().allMatch(Quality::passed);
    }
}
