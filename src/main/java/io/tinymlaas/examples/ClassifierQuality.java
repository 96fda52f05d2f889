package io.tinymlaas.examples;

import io.tinymlaas.data.OneHot;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.ConfusionMatrix;
import io.tinymlaas.report.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** How well a classifier did on the test split, judged on the argmax of its outputs against the one-hot targets. */
public final class ClassifierQuality {

    private ClassifierQuality() {
    }

    /** The test split counted by true class (argmax of its one-hot target) and predicted class (argmax of the output). */
    public static ConfusionMatrix confusion(Split test, List<float[]> outputs, List<String> labels) {
        int[] actual = new int[test.size()];
        int[] predicted = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            actual[i] = OneHot.argmax(test.targets()[i]);
            predicted[i] = OneHot.argmax(outputs.get(i));
        }
        return ConfusionMatrix.of(labels, actual, predicted);
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
                : IntStream.range(0, classes).mapToObj(i -> "class " + i).toList();
        ConfusionMatrix counted = confusion(test, outputs, classLabels);
        List<Quality> quality = new ArrayList<>();
        quality.add(Quality.atLeast(accuracyMetric, counted.accuracy(), accuracyGoal));
        for (int c = 0; c < classLabels.size(); c++) {
            quality.add(Quality.report("recall of " + classLabels.get(c), counted.recall(c)));
        }
        return quality;
    }
}
