package io.tinymlaas.examples;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.FolderImport;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import io.tinymlaas.tflite.ModelMetadata;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** A seed example: where its data comes from, how it is trained, and what "good enough" means for it. */
public interface Example {

    String name();

    Dataset collect();

    /** The name its collected data is stored under, for `tinyml data` and `dry-run --data`. */
    default String datasetName() {
        return name();
    }

    /** The example's trainer and converter. */
    ModelRecipe recipe();

    /** What the model's input holds, for the metadata of its .tflite file: by default numbers, taken as they are. */
    default ModelMetadata.Input modelInput() {
        return new ModelMetadata.Input("numbers, as the data set's samples hold them", ModelMetadata.Content.FEATURES, 0f, 0f);
    }

    /**
     * How a user's own files become this example's samples ({@code splitLongRecordings}: a long WAV gives a clip per
     * second); an example that takes no such files refuses, saying which do.
     */
    default FolderImport.Kind importKind(boolean splitLongRecordings) {
        throw new TinymlException(name() + " takes no imported files: micro_speech imports WAV recordings, person_detection "
                + "and mnist_lstm pictures");
    }

    /** Judges the dequantized outputs of the int8 model on the test split: every goal must hold. */
    List<Quality> judge(Split test, List<float[]> outputs);

    /**
     * For a model of one number to one number, what it should answer for x (hello_world: sin(x)), so that a report can
     * plot its outputs against it; empty for every other model.
     */
    default Optional<Truth> truth() {
        return Optional.empty();
    }

    /** The function a model of one number to one number learns, and its name. */
    record Truth(String name, DoubleUnaryOperator function) {
    }
}
