package io.tinymlaas.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * TensorFlow Lite Micro's figures for an example on a core, to print next to ours (from tflm-reference.yaml).
 * {@code runtimeTextBytes} is TFLM's firmware text without the model, so it is a floor for its flash, not a total;
 * a ratio of instructions is only fair when TFLM's model of the example has the shape of ours ({@code sameShapeAsOurs}).
 */
public record TflmReference(String example, String core, boolean sameShapeAsOurs, Long referenceKernelsInstructions, Long cmsisNnInstructions,
                            Long runtimeTextBytes, Long arenaBytes) {

    private static final String RESOURCE = "/tflm-reference.yaml";

    /** The measured figures with where they came from: every ratio printed beside them names this. */
    public record Measurements(String commit, String build, String measured, List<TflmReference> figures) {

        /** "TFLM 90b983c2 (…), release build, measured 2026-12-07": the line a table with TFLM's figures carries. */
        public String provenance() {
            return "TFLM " + commit + "; " + build + "; measured " + measured + " (DESIGN.md §4)";
        }

        public Optional<TflmReference> find(String example, String core) {
            return figures.stream().filter(r -> r.example().equals(example) && r.core().equals(core)).findFirst();
        }
    }

    public static Measurements load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try (InputStream in = TflmReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TinymlException(RESOURCE + " is missing from the class path");
            }
            return yaml.readValue(in, Measurements.class);
        } catch (IOException e) {
            throw new TinymlException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** How many times fewer instructions ours takes than TFLM with CMSIS-NN: "3.20×", or "–" when not comparable. */
    public String ratioTo(Long ours) {
        return sameShapeAsOurs ? ratio(cmsisNnInstructions, ours) : "–";
    }

    /** {@code theirs} ÷ {@code ours} as "3.20×", or "–" when either is unknown. */
    private static String ratio(Long theirs, Long ours) {
        if (theirs == null || ours == null || ours <= 0) {
            return "–";
        }
        return String.format("%.2f×", (double) theirs / ours);
    }
}
