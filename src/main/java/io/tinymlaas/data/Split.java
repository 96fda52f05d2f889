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

    /** A copy with sample {@code index} given a new target; the inputs are shared, this split is not changed. */
    public Split withTarget(int index, float[] target) {
        float[][] targets = this.targets.clone();
        targets[index] = target.clone();
        return new Split(inputs, targets);
    }
}
