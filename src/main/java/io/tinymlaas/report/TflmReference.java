package io.tinymlaas.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** TensorFlow Lite Micro's figures for an example on a core, to print next to ours (from tflm-reference.yaml). */
public record TflmReference(String example, String core, Long referenceKernelsInstructions, Long cmsisNnInstructions,
                            Long flashBytes, Long arenaBytes) {

    private static final String RESOURCE = "/tflm-reference.yaml";

    public static List<TflmReference> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try (InputStream in = TflmReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TinymlException(RESOURCE + " is missing from the class path");
            }
            return yaml.readValue(in, new TypeReference<List<TflmReference>>() { });
        } catch (IOException e) {
            throw new TinymlException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static Optional<TflmReference> find(List<TflmReference> all, String example, String core) {
        return all.stream().filter(r -> r.example().equals(example) && r.core().equals(core)).findFirst();
    }
}
