package io.tinymlaas.pipeline;

import io.tinymlaas.data.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How a classifier example is judged: accuracy (argmax of the output against the one-hot label) with its goal, and each class's recall. */
final class ClassifierQuality {

    private ClassifierQuality() {
    }

    static List<Quality> judge(String profile, double accuracyGoal, List<String> labels, Split test, List<float[]> outputs) {
        int[] seen = new int[labels.size()];
        int[] hits = new int[labels.size()];
        for (int i = 0; i < test.size(); i++) {
            int label = argmax(test.targets()[i]);
            seen[label]++;
            hits[label] += argmax(outputs.get(i)) == label ? 1 : 0;
        }
        List<Quality> quality = new ArrayList<>();
        quality.add(Quality.atLeast("accuracy on the test split (" + profile + " profile)",
                Arrays.stream(hits).sum() / (double) test.size(), accuracyGoal));
        for (int c = 0; c < labels.size(); c++) {
            quality.add(Quality.report("recall of " + labels.get(c), seen[c] == 0 ? Double.NaN : hits[c] / (double) seen[c]));
        }
        return quality;
    }

    /** The index of the largest score, the first on ties. */
    private static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
