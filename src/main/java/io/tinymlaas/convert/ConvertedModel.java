package io.tinymlaas.convert;

import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;

/** The int8 .tflite file the converter wrote, with its content hash. */
public record ConvertedModel(TfliteModel model, byte[] bytes, Path file, String sha256) {
}
