package io.tinymlaas.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A trained float model written to disk as JSON (manifest and weights), with the file's content hash. */
public record StoredModel(Path file, String sha256, Map<String, Object> manifest) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static StoredModel write(Path file, Map<String, Object> manifest) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return new StoredModel(file, Hashes.sha256(bytes), manifest);
        } catch (IOException e) {
            throw new TinymlException("cannot store the trained model in " + file + ": " + IoFailure.reason(e), e);
        }
    }

    /** Reads a stored model's JSON back as a tree of maps and lists. */
    public static Map<String, Object> read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = JSON.readValue(file.toFile(), Map.class);
            return tree;
        } catch (IOException e) {
            throw new TinymlException("cannot read the stored model " + file + ": " + IoFailure.reason(e), e);
        }
    }
}
