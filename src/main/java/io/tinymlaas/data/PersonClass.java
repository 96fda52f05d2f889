package io.tinymlaas.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The person_detection classes, in the order of the one-hot targets and of the model's outputs. */
public enum PersonClass {
    PERSON, NO_PERSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public float[] oneHot() {
        return OneHot.of(ordinal(), values().length);
    }

    public static PersonClass of(float[] scores) {
        return values()[OneHot.argmax(scores)];
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(PersonClass::label).toList();
    }
}
