package io.tinymlaas.data;

/** The magic_wand classes, in the order of the one-hot targets and of the model's outputs. */
public enum Gesture {
    WING, RING, SLOPE, NEGATIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public float[] oneHot() {
        return OneHot.of(ordinal(), values().length);
    }

    /** The class of a one-hot target or of a score vector: the index of its largest value (the first on ties). */
    public static int argmax(float[] scores) {
        return OneHot.argmax(scores);
    }
}
