package io.tinymlaas.data;

import java.util.List;

/**
 * A labelled data set split three ways. {@code recipe} says how it was made (seed, sizes, noise), {@code provenance}
 * where it comes from and its licence, {@code labels} what the targets mean; all go into the manifest.
 * {@code image} is null for numeric samples; for 8-bit grayscale images it gives their shape, and they are stored
 * as they are, a byte a pixel (as CSV text they would be ten times larger).
 */
public record Dataset(String name, String recipe, Provenance provenance, Labels labels, Split train, Split validation,
                      Split test, ImageShape image) {

    /**
     * The samples are 8-bit grayscale images of {@code height} × {@code width}, row-major, each pixel p given as p / 255.
     */
    public record ImageShape(int height, int width) {
    }

    /** Numeric samples, stored as CSV. */
    public Dataset(String name, String recipe, Provenance provenance, Labels labels, Split train, Split validation, Split test) {
        this(name, recipe, provenance, labels, train, validation, test, null);
    }

    public static final List<String> SPLITS = List.of("train", "validation", "test");

    /** A data set that declares neither its origin nor its classes: see {@link Provenance#UNDECLARED}, {@link Labels#inferredFrom}. */
    public Dataset(String name, String recipe, Split train, Split validation, Split test) {
        this(name, recipe, Provenance.UNDECLARED, Labels.inferredFrom(train), train, validation, test);
    }

    /** The split called "train", "validation" or "test". */
    public Split split(String splitName) {
        return switch (splitName) {
            case "train" -> train;
            case "validation" -> validation;
            case "test" -> test;
            default -> throw new IllegalArgumentException("no split '" + splitName + "'; splits: " + SPLITS);
        };
    }

    /** The same data set with one sample's target replaced; this one is left as it is. */
    public Dataset withTarget(SampleId sample, float[] target) {
        Split changed = split(sample.split()).withTarget(sample.index(), target);
        return new Dataset(name, recipe, provenance, labels, sample.split().equals("train") ? changed : train,
                sample.split().equals("validation") ? changed : validation, sample.split().equals("test") ? changed : test, image);
    }
}
