package io.tinymlaas.data;

/** One part of a data set: {@code inputs[i]} is the feature vector of sample i, {@code targets[i]} its label. */
public record Split(float[][] inputs, float[][] targets) {

    public Split {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + targets.length + " targets");
        }
    }

    public int size() {
        return inputs.length;
    }
}
