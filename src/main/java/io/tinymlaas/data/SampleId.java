package io.tinymlaas.data;

import io.tinymlaas.core.TinymlException;

/** A sample named by its split and its position there, written "train/17": stable across relabelled versions. */
public record SampleId(String split, int index) {

    public static SampleId parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0 && Dataset.SPLITS.contains(text.substring(0, slash))) {
            try {
                int index = Integer.parseInt(text.substring(slash + 1));
                if (index >= 0) {
                    return new SampleId(text.substring(0, slash), index);
                }
            } catch (NumberFormatException e) {
                // refused below with the expected form
            }
        }
        throw new TinymlException("sample '" + text + "' is not <split>/<index> with a split of " + String.join(", ", Dataset.SPLITS)
                + " (e.g. train/17)");
    }

    @Override
    public String toString() {
        return split + "/" + index;
    }
}
