package io.tinymlaas.data;

import java.util.List;

/**
 * A labelled data set split three ways; {@code recipe} says how it was made (source, seed, noise), for the manifest.
 * {@code images} is null for synthesized numeric samples, and describes the samples when they are images taken
 * from a data set of someone else's.
 */
public record Dataset(String name, String recipe, Split train, Split validation, Split test, Images images) {

    /** Synthesized samples, stored as CSV. */
    public Dataset(String name, String recipe, Split train, Split validation, Split test) {
        this(name, recipe, train, validation, test, null);
    }

    /**
     * The samples are 8-bit grayscale images of {@code height} × {@code width}, row-major, each pixel p stored as p / 255;
     * the one-hot targets index {@code classes}. {@code source} and {@code licence} say where they come from.
     */
    public record Images(String source, String licence, List<String> classes, int height, int width) {
    }
}
