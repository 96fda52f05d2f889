package io.tinymlaas.data;

import java.util.List;

/**
 * A labelled data set split three ways. {@code recipe} says how it was made (seed, sizes, noise), {@code provenance}
 * where it comes from and its licence, {@code labels} what the targets mean; all go into the manifest.
 */
public record Dataset(String name, String recipe, Provenance provenance, Labels labels, Split train, Split validation,
                      Split test) {

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
                sample.split().equals("validation") ? changed : validation, sample.split().equals("test") ? changed : test);
    }
}
