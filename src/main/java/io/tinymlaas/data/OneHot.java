package io.tinymlaas.data;

/** Class indices of one-hot targets and of score vectors. */
public final class OneHot {

    private OneHot() {
    }

    /** The index of the largest value (the first on ties): the class of a one-hot target or of a score vector. */
    public static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    public static float[] of(int index, int classes) {
        float[] target = new float[classes];
        target[index] = 1f;
        return target;
    }
}
