package io.tinymlaas.tflite;

import io.tinymlaas.core.Hashes;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A .tflite file as read from disk: where it is, its bytes and their hash, and the model they hold. */
public record TfliteFile(Path file, byte[] bytes, String sha256, TfliteModel model) {

    /** Reads and parses the file; a missing, unreadable or malformed file is refused with a message naming it. */
    public static TfliteFile read(Path file) {
        byte[] bytes = TfliteReader.readBytes(file);
        return new TfliteFile(file, bytes, Hashes.sha256(bytes), TfliteReader.read(bytes, file.toString()));
    }

    /** What the file says about itself in TensorFlow Lite metadata, if it carries any. */
    public Optional<ModelMetadata> metadata() {
        return TfliteReader.metadata(bytes, file.toString());
    }

    /** The file name without .tflite, for work folders and reports. */
    public String name() {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".tflite") ? name.substring(0, name.length() - ".tflite".length()) : name;
    }
}
