package io.tinymlaas.data;

/** A labelled data set split three ways; {@code recipe} says how it was made (source, seed, noise), for the manifest. */
public record Dataset(String name, String recipe, Split train, Split validation, Split test) {
}
