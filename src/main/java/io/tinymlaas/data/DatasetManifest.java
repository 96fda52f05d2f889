package io.tinymlaas.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of one stored data set version (written with snake_case names): where the data comes from, what
 * its labels mean, how many samples of each class every split holds, the SHA-256 of every file, and for a
 * relabelled version its parent and every relabelling since the original.
 *
 * @param labels  {@link Labels#REGRESSION}, or where the per-sample class names are
 * @param classes the class names in one-hot order; absent for a regression
 * @param classCounts per split, samples per class; absent for a regression
 * @param parent  the version this one was relabelled from; null for a version stored as collected
 * @param relabelLog every relabelling from the original to this version, oldest first
 * @param image   for image data sets, the image shape (the samples are then in {@code <split>.images.npy}); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetManifest(String name, String version, String contentSha256, String source, String licence,
                              String recipe, String labels, List<String> classes, int featuresPerSample,
                              int targetsPerSample, Map<String, Integer> samples,
                              Map<String, Map<String, Integer>> classCounts,
                              @JsonInclude(JsonInclude.Include.ALWAYS) Parent parent, List<Relabelling> relabelLog,
                              Map<String, String> files, String storedAt, Dataset.ImageShape image) {

    /** The version a relabelled one was made from. */
    public record Parent(String version, String contentSha256) {
    }

    /** One changed label: which sample, from what to what, on which version, by whom, when and why. */
    public record Relabelling(String sample, String oldLabel, String newLabel, String onVersion, String by, String at,
                              String note) {
    }

    public Labels labelSet() {
        return classes == null ? Labels.regression() : Labels.classes(classes);
    }
}
