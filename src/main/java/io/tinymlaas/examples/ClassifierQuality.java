package io.tinymlaas.examples;

import io.tinymlaas.data.OneHot;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import java.util.ArrayList;
import java.util.List;

/** How well a classifier did on the test split, judged on the argmax of its outputs against the one-hot targets. */
final class ClassifierQuality {

    private ClassifierQuality() {
    }

    /**
     * The accuracy with its goal, then the recall of each class (labelled in output order) as a figure; a class absent
     * from the test split has a recall of NaN.
     */
    static List<Quality> judge(Split test, List<float[]> outputs, String accuracyMetric, double accuracyGoal,
                               List<String> exampleLabels) {
        // a user's imported data has classes of its own, so the example's names fit only when the counts agree
        int classes = test.size() == 0 ? exampleLabels.size() : test.targets()[0].length;
        List<String> classLabels = classes == exampleLabels.size() ? exampleLabels
                : java.util.stream.IntStream.range(0, classes).mapToObj(i -> "class " + i).toList();
        int[] seen = new int[classLabels.size()];
        int[] hits = new int[classLabels.size()];
        for (int i = 0; i < test.size(); i++) {
            int label = OneHot.argmax(test.targets()[i]);
            seen[label]++;
            hits[label] += OneHot.argmax(outputs.get(i)) == label ? 1 : 0;
        }
        List<Quality> quality = new ArrayList<>();
        quality.add(Quality.atLeast(accuracyMetric, java.util.Arrays.stream(hits).sum() / (double) test.size(), accuracyGoal));
        for (int c = 0; c < classLabels.size(); c++) {
            quality.add(Quality.report("recall of " + classLabels.get(c), seen[c] == 0 ? Double.NaN : hits[c] / (double) seen[c]));
        }
        return quality;
    }
}
