package io.tinymlaas.data.audio;

import java.util.Locale;

/** The micro_speech classes, in the order of the one-hot targets and of the model's outputs (TFLM's order). */
public enum Keyword {
    SILENCE, UNKNOWN, YES, NO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public float[] oneHot() {
        float[] target = new float[values().length];
        target[ordinal()] = 1f;
        return target;
    }
}
