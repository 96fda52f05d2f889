package io.tinymlaas.report;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A classifier's held-out predictions counted by class: {@code counts.get(actual).get(predicted)}, rows the true class,
 * columns the predicted one, in the order of {@code labels} (the model's outputs).
 */
public record ConfusionMatrix(List<String> labels, List<List<Integer>> counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        counts = counts.stream().map(List::copyOf).toList();
        int classes = labels.size();
        if (counts.size() != classes || counts.stream().anyMatch(row -> row.size() != classes)) {
            throw new IllegalArgumentException("a confusion matrix over " + classes + " classes needs as many rows and columns");
        }
    }

    /** Counts each sample's true and predicted class index. */
    public static ConfusionMatrix of(List<String> labels, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " true classes but " + predicted.length + " predictions");
        }
        int[][] counts = new int[labels.size()][labels.size()];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, IntStream.range(0, labels.size())
                .mapToObj(row -> IntStream.of(counts[row]).boxed().toList()).toList());
    }

    /** How many samples were counted. */
    public int total() {
        return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
    }

    /** The share of samples predicted as their true class. */
    public double accuracy() {
        return IntStream.range(0, labels.size()).map(c -> counts.get(c).get(c)).sum() / (double) total();
    }

    /** The share of a class's samples predicted as that class; NaN for a class absent from the samples. */
    public double recall(int actual) {
        int seen = counts.get(actual).stream().mapToInt(Integer::intValue).sum();
        return seen == 0 ? Double.NaN : counts.get(actual).get(actual) / (double) seen;
    }
}
