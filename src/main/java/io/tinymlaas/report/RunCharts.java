package io.tinymlaas.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The pictures of one dry-run, drawn from its own figures: the training loss per epoch, a one-number model's outputs
 * against what it should answer, and a classifier's confusion matrix. Each is empty when the run has no such figures.
 */
final class RunCharts {

    static final String LOSS_ID = "loss";
    static final String PREDICTIONS_ID = "predictions";

    private RunCharts() {
    }

    /** The training loss per epoch, on a log scale when every loss is above zero (they fall by orders of magnitude). */
    static String loss(RunFigures.Training training) {
        if (training == null || training.lossPerEpoch() == null || training.lossPerEpoch().isEmpty()) {
            return "";
        }
        List<Double> losses = training.lossPerEpoch();
        boolean positive = losses.stream().allMatch(loss -> loss > 0);
        Map<String, Object> option = Map.of(
                "animation", false,
                "title", Map.of("text", "Training loss per epoch", "subtext", String.format(Locale.ROOT,
                        "%d epochs from seed %d; last %.5g", losses.size(), training.seed(), losses.get(losses.size() - 1))),
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("top", 70, "left", 70, "right", 30),
                "xAxis", Map.of("type", "category", "name", "epoch", "nameLocation", "middle", "nameGap", 28,
                        "data", IntStream.rangeClosed(1, losses.size()).boxed().toList()),
                "yAxis", Map.of("type", positive ? "log" : "value", "name", "mean training loss"),
                "series", List.of(Map.of("type", "line", "name", "training loss", "showSymbol", false, "data", losses)));
        return Charts.chart(LOSS_ID, 360, option);
    }

    /** The truth as a line through the inputs in order, each model's outputs as points over it. */
    static String predictions(Predictions predictions, String target) {
        if (predictions == null) {
            return "";
        }
        List<Integer> byX = IntStream.range(0, predictions.x().size()).boxed()
                .sorted(Comparator.comparing(predictions.x()::get)).toList();
        List<Object> series = new ArrayList<>();
        series.add(Map.of("type", "line", "name", predictions.truth(), "showSymbol", false, "lineStyle", Map.of("width", 2),
                "data", points(predictions.x(), predictions.expected(), byX)));
        series.add(Map.of("type", "scatter", "name", "int8 model, reference interpreter (x86)", "symbol", "emptyCircle",
                "symbolSize", 8, "itemStyle", Map.of("color", "#3ba272"), "data", points(predictions.x(), predictions.reference(), byX)));
        if (predictions.target() != null) {
            List<Integer> ran = byX.stream().filter(i -> i < predictions.target().size()).toList();
            series.add(Map.of("type", "scatter", "name", "int8 model on " + target, "symbolSize", 3,
                    "itemStyle", Map.of("color", "#c23531"), "data", points(predictions.x(), predictions.target(), ran)));
        }
        Map<String, Object> option = Map.of(
                "animation", false,
                "title", Map.of("text", "Outputs on the test split against " + predictions.truth(),
                        "subtext", predictions.x().size() + " held-out inputs"),
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 50),
                "grid", Map.of("top", 90, "left", 70, "right", 30),
                "xAxis", Map.of("type", "value", "name", "x", "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "y"),
                "series", series);
        return Charts.chart(PREDICTIONS_ID, 420, option);
    }

    /**
     * The counts by true class (rows) and predicted class (columns), each cell shaded by its share of its row, with each
     * class's recall. An HTML table rather than a chart: the charting build written into every report has no heatmap.
     */
    static String confusion(ConfusionMatrix matrix) {
        if (matrix == null) {
            return "";
        }
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT,
                "<h2>Confusion matrix on the test split</h2>%n<p>%d held-out samples, accuracy %.4f; rows: true class, "
                        + "columns: predicted class, shaded by the share of the row.</p>%n<table class=\"confusion\"><tr>"
                        + "<th>true \\ predicted</th>", matrix.total(), matrix.accuracy()));
        matrix.labels().forEach(label -> h.append("<th>").append(Html.escape(label)).append("</th>"));
        h.append("<th>recall</th></tr>\n");
        for (int actual = 0; actual < matrix.labels().size(); actual++) {
            List<Integer> row = matrix.counts().get(actual);
            int seen = row.stream().mapToInt(Integer::intValue).sum();
            h.append("<tr><th>").append(Html.escape(matrix.labels().get(actual))).append("</th>");
            for (int count : row) {
                double share = seen == 0 ? 0 : count / (double) seen;
                h.append(String.format(Locale.ROOT, "<td class=\"n\" style=\"background:rgba(31,95,191,%.3f)%s\">%d</td>", share,
                        share > 0.5 ? ";color:#fff" : "", count));
            }
            h.append(String.format(Locale.ROOT, "<td class=\"n\">%.3f</td></tr>%n", matrix.recall(actual)));
        }
        return h.append("</table>\n").toString();
    }

    private static List<List<Double>> points(List<Double> x, List<Double> y, List<Integer> indices) {
        return indices.stream().map(i -> List.of(x.get(i), y.get(i))).toList();
    }
}
