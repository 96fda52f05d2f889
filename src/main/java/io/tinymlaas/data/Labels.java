package io.tinymlaas.data;

import io.tinymlaas.core.TinymlException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a data set's targets mean: for a classifier, the class names in the order of the one-hot targets (and of
 * the model's outputs); for a regression, no classes at all, the targets are the values to predict.
 */
public record Labels(List<String> classes) {

    public static final String REGRESSION = "regression, no classes";

    public Labels {
        classes = List.copyOf(classes);
        if (classes.size() == 1) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classes);
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("class names must differ: " + classes);
        }
    }

    public static Labels regression() {
        return new Labels(List.of());
    }

    public static Labels classes(List<String> names) {
        return new Labels(names);
    }

    /**
     * For a data set that did not say what its targets mean: one-hot targets of two or more values are taken as
     * classes named by their index ("0", "1", ...), anything else as a regression.
     */
    public static Labels inferredFrom(Split split) {
        if (split.size() == 0 || split.targets()[0].length < 2) {
            return regression();
        }
        int width = split.targets()[0].length;
        for (float[] target : split.targets()) {
            if (target.length != width || oneHotIndex(target) < 0) {
                return regression();
            }
        }
        return new Labels(java.util.stream.IntStream.range(0, width).mapToObj(Integer::toString).toList());
    }

    public boolean isRegression() {
        return classes.isEmpty();
    }

    /** "regression, no classes" or "4 classes: wing, ring, slope, negative". */
    public String describe() {
        return isRegression() ? REGRESSION : classes.size() + " classes: " + String.join(", ", classes);
    }

    /** The class name of a one-hot target; {@code where} names the sample for the error. */
    public String labelOf(float[] target, String where) {
        int index = target.length == classes.size() ? oneHotIndex(target) : -1;
        if (index < 0) {
            throw new TinymlException(where + ": target " + java.util.Arrays.toString(target) + " is not one-hot over the "
                    + classes.size() + " classes " + classes);
        }
        return classes.get(index);
    }

    /** The one-hot target of a class name; an unknown name is refused with the known ones. */
    public float[] targetOf(String label, String dataset) {
        int index = classes.indexOf(label);
        if (index < 0) {
            throw new TinymlException("'" + label + "' is not a class of " + dataset + "; classes: " + String.join(", ", classes));
        }
        float[] target = new float[classes.size()];
        target[index] = 1f;
        return target;
    }

    /** How many samples of the split carry each class, in class order (every class listed, even with none). */
    public Map<String, Integer> counts(Split split, String where) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.forEach(name -> counts.put(name, 0));
        for (int i = 0; i < split.size(); i++) {
            counts.merge(labelOf(split.targets()[i], where + "/" + i), 1, Integer::sum);
        }
        return counts;
    }

    /** The index of the single 1 of a target whose other values are all 0, or -1. */
    private static int oneHotIndex(float[] target) {
        int index = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 1f && index < 0) {
                index = i;
            } else if (target[i] != 0f) {
                return -1;
            }
        }
        return index;
    }
}
